package io.tickstock.model.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the raw topics' envelope ({@link IngestedMessage}) with Jackson's streaming parser straight into the
 * records: every raw record is read at least once by the processor, and data binding of the polymorphic message
 * costs several times more. It takes the shape the ingest service writes; anything else (a field of another JSON
 * type, a missing, repeated or null one, text after the object) is read by {@link JsonSerde}, so what it accepts,
 * and how it rejects the rest, is exactly JsonSerde's.
 */
public final class IngestedMessageReader implements Deserializer<IngestedMessage> {

    /** Jackson's parser with the fast (and, like the JDK's, correctly rounding) reading of decimals. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private final JsonSerde<IngestedMessage> json = new JsonSerde<>(IngestedMessage.class);

    @Override
    public IngestedMessage deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        IngestedMessage read = canonical(data);
        return read != null ? read : json.deserialize(topic, data);
    }

    /** The envelope, or null when it is not in the canonical shape (then JsonSerde decides). */
    static IngestedMessage canonical(byte[] data) {
        try (JsonParser parser = FACTORY.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer version = null;
            String provider = null;
            Long ingestTs = null;
            MarketMessage msg = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "v" -> {
                        if (version != null || value != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        version = parser.getIntValue();
                    }
                    case "provider" -> {
                        if (provider != null || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        provider = parser.getText();
                    }
                    case "ingestTs" -> {
                        if (ingestTs != null || value != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        ingestTs = parser.getLongValue();
                    }
                    case "msg" -> {
                        if (msg != null || value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        msg = new MessageFields().read(parser);
                        if (msg == null) {
                            return null;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            boolean complete = version != null && provider != null && ingestTs != null && msg != null;
            return complete && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null
                    ? new IngestedMessage(version, provider, ingestTs, msg) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The fields of a provider message as they come, then the record its {@code ev} names. */
    private static final class MessageFields {
        private Feed ev;
        private String sym;
        private String i;
        private Long x;
        private Long z;
        private Long s;
        private Long t;
        private Long v;
        private Long av;
        private Long e;
        private Double p;
        private Double o;
        private Double h;
        private Double l;
        private Double op;
        private Double vw;
        private Double a;
        private Double fmv;
        private Double mp;
        private Double conf;
        private Double close;
        private List<Integer> conditions;
        private Boolean otc;

        MarketMessage read(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL || !take(name, value, parser)) {
                    return null;
                }
            }
            return ev == null ? null : switch (ev) {
                case T -> trade();
                case A, AM -> bar();
                case FMV -> quote();
            };
        }

        /** Takes a field of the JSON type its record field has, once; false for anything else. */
        private boolean take(String name, JsonToken value, JsonParser parser) throws IOException {
            if (!missing(name)) {
                return false;
            }
            switch (name) {
                case "ev" -> ev = value == JsonToken.VALUE_STRING ? feed(parser.getText()) : null;
                case "sym" -> sym = text(value, parser);
                case "i" -> i = text(value, parser);
                case "x" -> x = integral(value, parser);
                case "z" -> z = integral(value, parser);
                case "s" -> s = integral(value, parser);
                case "t" -> t = integral(value, parser);
                case "v" -> v = integral(value, parser);
                case "av" -> av = integral(value, parser);
                case "e" -> e = integral(value, parser);
                case "p" -> p = number(value, parser);
                case "o" -> o = number(value, parser);
                case "h" -> h = number(value, parser);
                case "l" -> l = number(value, parser);
                case "op" -> op = number(value, parser);
                case "vw" -> vw = number(value, parser);
                case "a" -> a = number(value, parser);
                case "fmv" -> fmv = number(value, parser);
                case "mp" -> mp = number(value, parser);
                case "conf" -> conf = number(value, parser);
                case "otc" -> otc = value.isBoolean() ? value == JsonToken.VALUE_TRUE : null;
                case "c" -> {
                    if (value == JsonToken.START_ARRAY) {
                        conditions = integers(parser);
                    } else {
                        close = number(value, parser);
                    }
                }
                default -> {
                    parser.skipChildren();
                    return true;
                }
            }
            return !missing(name);
        }

        /** Whether a known field has no value yet (an unknown field always counts as missing). */
        private boolean missing(String name) {
            return switch (name) {
                case "ev" -> ev == null;
                case "c" -> close == null && conditions == null;
                case "otc" -> otc == null;
                case "sym" -> sym == null;
                case "i" -> i == null;
                case "x" -> x == null;
                case "z" -> z == null;
                case "s" -> s == null;
                case "t" -> t == null;
                case "v" -> v == null;
                case "av" -> av == null;
                case "e" -> e == null;
                case "p" -> p == null;
                case "o" -> o == null;
                case "h" -> h == null;
                case "l" -> l == null;
                case "op" -> op == null;
                case "vw" -> vw == null;
                case "a" -> a == null;
                case "fmv" -> fmv == null;
                case "mp" -> mp == null;
                case "conf" -> conf == null;
                default -> true;
            };
        }

        private Trade trade() {
            boolean complete = sym != null && x != null && i != null && p != null && s != null && t != null
                    && close == null && fits(x) && (z == null || fits(z));
            return complete ? new Trade(ev, sym, x.intValue(), i, z == null ? null : z.intValue(), p, s, conditions, t)
                    : null;
        }

        private Aggregate bar() {
            boolean complete = sym != null && v != null && o != null && close != null && h != null && l != null
                    && s != null && e != null && conditions == null;
            return complete ? new Aggregate(ev, sym, v, av, op, vw, o, close, h, l, a, z, s, e, otc) : null;
        }

        private FairMarketValue quote() {
            return sym != null && fmv != null && t != null ? new FairMarketValue(ev, sym, fmv, mp, conf, t) : null;
        }

        private static boolean fits(long value) {
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        }

        private static Feed feed(String code) {
            for (Feed feed : Feed.values()) {
                if (feed.code().equals(code)) {
                    return feed;
                }
            }
            return null;
        }

        private static String text(JsonToken value, JsonParser parser) throws IOException {
            return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }

        private static Long integral(JsonToken value, JsonParser parser) throws IOException {
            return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
        }

        private static Double number(JsonToken value, JsonParser parser) throws IOException {
            return value.isNumeric() ? parser.getDoubleValue() : null;
        }

        private static List<Integer> integers(JsonParser parser) throws IOException {
            List<Integer> values = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
                long value = parser.getLongValue();
                if (!fits(value)) {
                    return null;
                }
                values.add((int) value);
            }
            return token == JsonToken.END_ARRAY ? values : null;
        }
    }
}
