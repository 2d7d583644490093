package io.tickstock.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader of the raw envelope must accept and reject exactly what {@link JsonSerde} does, with the same
 * record or the same reason, and it must take the shape the ingest service writes without falling back.
 */
class IngestedMessageReaderTest {

    private static final JsonSerde<IngestedMessage> JSON = new JsonSerde<>(IngestedMessage.class);
    private final IngestedMessageReader reader = new IngestedMessageReader();

    /** What reading gave: the record, or the rejection's reason. */
    private record Outcome(IngestedMessage value, String rejected) {
    }

    private static Outcome outcome(java.util.function.Function<byte[], IngestedMessage> read, String text) {
        try {
            return new Outcome(read.apply(text.getBytes(StandardCharsets.UTF_8)), null);
        } catch (MalformedMessageException e) {
            return new Outcome(null, e.reason());
        }
    }

    private void assertSameAsJsonSerde(String text) {
        assertThat(outcome(bytes -> reader.deserialize("t", bytes), text)).as(text)
                .isEqualTo(outcome(bytes -> JSON.deserialize("t", bytes), text));
    }

    @Property(tries = 300)
    void whatTheIngestServiceWritesIsReadWithoutFallingBack(@ForAll("messages") MarketMessage msg) {
        byte[] written = JSON.serialize("t", IngestedMessage.of("simulator", 1_700_000_000_003L, msg));

        IngestedMessage read = IngestedMessageReader.canonical(written);

        assertThat(read).isEqualTo(JSON.deserialize("t", written));
    }

    @Property(tries = 5_000)
    void aChangedFieldIsReadAsJsonSerdeReadsIt(@ForAll("messages") MarketMessage msg,
            @ForAll("changes") Change change) {
        String written = JSON.toJson(IngestedMessage.of("simulator", 1_700_000_000_003L, msg));

        assertSameAsJsonSerde(change.apply(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "null", "{}", "not json", "{\"v\":1", "{\"v\":1}{}", "[{\"v\":1}]",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"X\",\"sym\":\"A\"}}",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"T\",\"sym\":\"A\",\"x\":1,\"i\":\"1\",\"p\":1,"
                + "\"s\":1,\"t\":1}} trailing",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"T\",\"sym\":\"A\",\"x\":1,\"i\":\"1\",\"p\":1,"
                + "\"s\":1,\"t\":1,\"c\":[1,\"x\"]}}",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"AM\",\"sym\":\"A\",\"v\":1,\"o\":1,\"c\":[1],"
                + "\"h\":1,\"l\":1,\"s\":1,\"e\":2}}",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"T\",\"sym\":\"A\",\"x\":3000000000,\"i\":\"1\","
                + "\"p\":1,\"s\":1,\"t\":1}}",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"msg\":{\"ev\":\"FMV\",\"sym\":\"A\",\"fmv\":1e400,\"t\":1}}",
        "{\"v\":1,\"provider\":\"p\",\"ingestTs\":1,\"extra\":{\"deep\":[1,{\"x\":null}]},"
                + "\"msg\":{\"ev\":\"FMV\",\"sym\":\"A\",\"fmv\":2,\"t\":1,\"note\":\"ignored\"}}"
    })
    void oddEnvelopesAreReadAsJsonSerdeReadsThem(String text) {
        assertSameAsJsonSerde(text);
    }

    @Provide
    Arbitrary<MarketMessage> messages() {
        Arbitrary<String> sym = Arbitraries.strings().withChars("ABCXYZ.0").ofMinLength(1).ofMaxLength(6);
        Arbitrary<Double> price = Arbitraries.doubles().between(0.0001, 10_000).ofScale(4);
        Arbitrary<Long> time = Arbitraries.longs().between(946_684_800_000L, 4_102_444_800_000L);
        Arbitrary<MarketMessage> trades = Combinators.combine(sym, Arbitraries.integers().between(1, 20),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14), price,
                Arbitraries.longs().between(0, 1_000_000), time,
                Arbitraries.integers().between(0, 40).list().ofMaxSize(3).injectNull(0.5),
                Arbitraries.integers().between(1, 3).injectNull(0.3))
                .as((s, x, i, p, size, t, c, z) -> new Trade(Feed.T, s, x, i, z, p, size, c, t));
        Arbitrary<MarketMessage> bars = Combinators.combine(sym, Arbitraries.of(Feed.A, Feed.AM), price, price,
                Arbitraries.longs().between(0, 5_000_000), time, Arbitraries.of(true, false).injectNull(0.7),
                Arbitraries.longs().between(1, 9_999_999).injectNull(0.5))
                .as((s, ev, o, c, v, start, otc, av) -> new Aggregate(ev, s, v, av, null, null, o, c,
                        Math.max(o, c) + 0.01, Math.min(o, c) - 0.0001, null, null, start, start + 60_000, otc));
        Arbitrary<MarketMessage> quotes = Combinators.combine(sym, price, price.injectNull(0.5),
                Arbitraries.doubles().between(0, 1).injectNull(0.5), time)
                .as((s, fmv, mp, conf, t) -> new FairMarketValue(Feed.FMV, s, fmv, mp, conf, t * 1_000_000));
        return Arbitraries.oneOf(trades, bars, quotes);
    }

    /** One edit of the JSON text: a field's value swapped, removed, repeated, or a field added where it belongs. */
    record Change(String field, String replacement) {
        private static final List<String> ENVELOPE = List.of("v", "provider", "ingestTs", "msg");

        String apply(String json) {
            String marker = "\"" + field + "\":";
            int object = ENVELOPE.contains(field) ? 0 : json.indexOf("\"msg\":{") + "\"msg\":".length();
            int at = json.indexOf(marker, object);
            if (at < 0) {
                return json.substring(0, object + 1) + marker + Objects.requireNonNullElse(replacement, "1") + ","
                        + json.substring(object + 1);
            }
            int start = at + marker.length();
            int end = valueEnd(json, start);
            String value = json.substring(start, end);
            if (replacement == null) {
                return json.substring(0, at) + json.substring(end + (json.charAt(end) == ',' ? 1 : 0));
            }
            String next = replacement.equals("REPEAT") ? value + "," + marker + value : replacement;
            return json.substring(0, start) + next + json.substring(end);
        }

        private static int valueEnd(String json, int start) {
            int depth = 0;
            boolean quoted = false;
            for (int i = start; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && (c == '[' || c == '{')) {
                    depth++;
                } else if (!quoted && (c == ']' || c == '}')) {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                } else if (!quoted && c == ',' && depth == 0) {
                    return i;
                }
            }
            return json.length();
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        Arbitrary<String> fields = Arbitraries.of("v", "provider", "ingestTs", "msg", "ev", "sym", "x", "i", "z", "p",
                "s", "c", "t", "o", "h", "l", "e", "av", "otc", "fmv", "mp", "conf", "unknown");
        Arbitrary<String> values = Arbitraries.of("null", "\"7\"", "7", "7.5", "-1", "1e3", "true", "[]", "[1,2]",
                "{}", "\"T\"", "\"AM\"", "\"FMV\"", "\"Q\"", "99999999999999999999", "REPEAT")
                .injectNull(0.15);
        return Combinators.combine(fields, values).as(Change::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T", "AM", "FMV"})
    void readsEachFeedsCanonicalShape(String ev) {
        MarketMessage msg = switch (ev) {
            case "T" -> new Trade(Feed.T, "AAPL", 4, "52983525029461", 3, 190.25, 100, List.of(12, 37), 1_700_000_000_000L);
            case "AM" -> Aggregate.bar(Feed.AM, "AAPL", 190, 195, 189.5, 194.5, 9_000, 1_700_000_000_000L,
                    1_700_000_060_000L);
            default -> new FairMarketValue(Feed.FMV, "AAPL", 195, 190.25, 0.9, 1_700_000_000_000_000_000L);
        };
        byte[] written = JSON.serialize("t", IngestedMessage.of("replay", 1_700_000_000_003L, msg));

        assertThat(IngestedMessageReader.canonical(written)).isEqualTo(IngestedMessage.of("replay",
                1_700_000_000_003L, msg));
    }
}
