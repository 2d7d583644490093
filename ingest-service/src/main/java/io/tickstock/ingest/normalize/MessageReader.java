package io.tickstock.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one provider JSON object into the shared typed record, strictly: a number must be a JSON number (no
 * {@code "190.5"} strings), an integer field must hold an integral value (no silent truncation of {@code 100.7}
 * shares), required fields must be present. Unknown fields are ignored: providers add fields over time.
 */
public final class MessageReader {

    /** The {@code ev} of provider control messages, which are not market data. */
    public static final String STATUS_EV = "status";

    private MessageReader() {
    }

    /** The feed named by {@code ev}; {@code null} for a status message. */
    public static Feed feedOf(JsonNode object) {
        JsonNode ev = object.get("ev");
        if (ev == null || ev.isNull()) {
            throw new RejectedException(Reason.MISSING_EV, "object without ev");
        }
        if (!ev.isTextual()) {
            throw new RejectedException(Reason.UNKNOWN_EV, "ev " + ev + " is not a string");
        }
        String code = ev.textValue();
        for (Feed feed : Feed.values()) {
            if (feed.code().equals(code)) {
                return feed;
            }
        }
        if (STATUS_EV.equals(code)) {
            return null;
        }
        throw new RejectedException(Reason.UNKNOWN_EV, "unknown ev '" + shorten(code) + "'");
    }

    /** Reads a market-data object whose {@code ev} is {@code feed}. */
    public static MarketMessage read(Feed feed, JsonNode o) {
        switch (feed) {
            case T:
                return new Trade(Feed.T, symbol(o), integer(o, feed, "x"), tradeId(o), optionalInteger(o, feed, "z"),
                        number(o, feed, "p"), longValue(o, feed, "s"), conditions(o), longValue(o, feed, "t"));
            case A:
            case AM:
                return new Aggregate(feed, symbol(o), longValue(o, feed, "v"), optionalLong(o, feed, "av"),
                        optionalNumber(o, feed, "op"), optionalNumber(o, feed, "vw"), number(o, feed, "o"),
                        number(o, feed, "c"), number(o, feed, "h"), number(o, feed, "l"),
                        optionalNumber(o, feed, "a"), optionalLong(o, feed, "z"), longValue(o, feed, "s"),
                        longValue(o, feed, "e"), optionalBoolean(o, feed, "otc"));
            default:
                return new FairMarketValue(Feed.FMV, symbol(o), number(o, feed, "fmv"), optionalNumber(o, feed, "mp"),
                        optionalNumber(o, feed, "conf"), longValue(o, feed, "t"));
        }
    }

    /** The symbol if the object has a textual one (to key a dead letter); otherwise {@code null}. */
    public static String symbolOrNull(JsonNode object) {
        JsonNode sym = object == null ? null : object.get("sym");
        return sym != null && sym.isTextual() ? sym.textValue() : null;
    }

    private static String symbol(JsonNode o) {
        JsonNode sym = o.get("sym");
        if (sym == null || sym.isNull()) {
            return null; // the rules say missing_symbol
        }
        if (!sym.isTextual()) {
            throw new RejectedException(Reason.BAD_SYMBOL, "sym " + shorten(sym.toString()) + " is not a string");
        }
        return sym.textValue();
    }

    private static JsonNode required(JsonNode o, Feed feed, String field) {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            throw new RejectedException(Reason.MISSING_FIELD, feed.code() + " without " + field);
        }
        return value;
    }

    private static double number(JsonNode o, Feed feed, String field) {
        return asNumber(required(o, feed, field), feed, field);
    }

    private static Double optionalNumber(JsonNode o, Feed feed, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? null : asNumber(value, feed, field);
    }

    private static double asNumber(JsonNode value, Feed feed, String field) {
        if (!value.isNumber()) {
            throw badType(feed, field, "a number", value);
        }
        return value.doubleValue();
    }

    private static long longValue(JsonNode o, Feed feed, String field) {
        return asLong(required(o, feed, field), feed, field);
    }

    private static Long optionalLong(JsonNode o, Feed feed, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? null : asLong(value, feed, field);
    }

    private static int integer(JsonNode o, Feed feed, String field) {
        long value = longValue(o, feed, field);
        if (value != (int) value) {
            throw new RejectedException(Reason.BAD_FIELD, feed.code() + "." + field + " " + value + " is out of range");
        }
        return (int) value;
    }

    private static Integer optionalInteger(JsonNode o, Feed feed, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? null : integer(o, feed, field);
    }

    private static long asLong(JsonNode value, Feed feed, String field) {
        if (value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw badType(feed, field, "an integer", value);
    }

    private static Boolean optionalBoolean(JsonNode o, Feed feed, String field) {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw badType(feed, field, "true or false", value);
        }
        return value.booleanValue();
    }

    // providers send the trade id as a string; a numeric one is unambiguous and kept as its digits
    private static String tradeId(JsonNode o) {
        JsonNode id = required(o, Feed.T, "i");
        if (id.isTextual()) {
            return id.textValue();
        }
        if (id.isIntegralNumber()) {
            return id.asText();
        }
        throw badType(Feed.T, "i", "a string", id);
    }

    private static List<Integer> conditions(JsonNode o) {
        JsonNode c = o.get("c");
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isArray()) {
            throw badType(Feed.T, "c", "an array of integers", c);
        }
        List<Integer> codes = new ArrayList<>(c.size());
        for (JsonNode code : c) {
            if (!code.isIntegralNumber() || !code.canConvertToInt()) {
                throw badType(Feed.T, "c", "an array of integers", c);
            }
            codes.add(code.intValue());
        }
        return codes;
    }

    private static RejectedException badType(Feed feed, String field, String expected, JsonNode actual) {
        return new RejectedException(Reason.BAD_FIELD,
                feed.code() + "." + field + " must be " + expected + ", got " + shorten(actual.toString()));
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
