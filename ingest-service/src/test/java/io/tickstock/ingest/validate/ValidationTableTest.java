package io.tickstock.ingest.validate;

import static io.tickstock.ingest.TestIntakes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.RecordingPublisher;
import io.tickstock.ingest.TestIntakes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3 as a table: every rule against every message type it applies to, each case a valid message with one
 * change, expecting the rule's own reason code (or acceptance for the variations that are legal).
 */
class ValidationTableTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ACCEPTED = "accepted";
    private static final long DAY = 86_400_000L;
    private static final long BEFORE_2000 = 946_684_799_999L;

    private static ObjectNode base(String ev) {
        ObjectNode o = JSON.objectNode().put("ev", ev).put("sym", "AAPL");
        switch (ev) {
            case "T" -> o.put("x", 4).put("i", "71").put("z", 3).put("p", 190.25).put("s", 100)
                    .put("t", NOW).set("c", JSON.arrayNode().add(12));
            case "A", "AM" -> o.put("v", 500).put("av", 10_000).put("op", 189.0).put("vw", 190.1).put("o", 190.0)
                    .put("c", 190.2).put("h", 190.3).put("l", 189.9).put("a", 189.5).put("z", 50)
                    .put("s", NOW - ("A".equals(ev) ? 1_000 : 60_000)).put("e", NOW).put("otc", false);
            default -> o.put("fmv", 190.3).put("mp", 190.25).put("conf", 0.9).put("t", NOW * 1_000_000);
        }
        return o;
    }

    private static final List<String> ALL = List.of("T", "A", "AM", "FMV");
    private static final List<String> BARS = List.of("A", "AM");

    private static void add(List<Arguments> cases, List<String> types, String change, Consumer<ObjectNode> edit,
            String expected) {
        for (String type : types) {
            ObjectNode message = base(type);
            edit.accept(message);
            cases.add(Arguments.of(type + ": " + change, JSON.arrayNode().add(message).toString(), expected));
        }
    }

    private static void addRaw(List<Arguments> cases, List<String> types, String change, String field,
            String rawValue, String expected) {
        for (String type : types) {
            String json = base(type).put(field, "@@").toString().replace("\"@@\"", rawValue);
            cases.add(Arguments.of(type + ": " + change, "[" + json + "]", expected));
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // valid, and its legal variations
        add(c, ALL, "complete message", o -> { }, ACCEPTED);
        add(c, ALL, "symbol with . - :", o -> o.put("sym", "BRK.B-W:X"), ACCEPTED);
        add(c, ALL, "16-character symbol", o -> o.put("sym", "ABCDEFGHIJKLMNOP"), ACCEPTED);
        add(c, ALL, "unknown extra field", o -> o.put("q", 123), ACCEPTED);
        add(c, List.of("T"), "without optional z and c", o -> o.remove(List.of("z", "c")), ACCEPTED);
        add(c, List.of("T"), "numeric trade id", o -> o.put("i", 71), ACCEPTED);
        add(c, List.of("T"), "size 0", o -> o.put("s", 0), ACCEPTED);
        add(c, BARS, "without optional av op vw a z otc",
                o -> o.remove(List.of("av", "op", "vw", "a", "z", "otc")), ACCEPTED);
        add(c, BARS, "flat bar o=h=l=c", o -> o.put("o", 190.0).put("h", 190.0).put("l", 190.0).put("c", 190.0),
                ACCEPTED);
        add(c, BARS, "volume written 500.0", o -> o.put("v", 500.0), ACCEPTED);
        add(c, List.of("FMV"), "without mp and conf", o -> o.remove(List.of("mp", "conf")), ACCEPTED);
        add(c, List.of("FMV"), "confidence 0 and 1", o -> o.put("conf", 0.0), ACCEPTED);
        add(c, List.of("FMV"), "confidence 1", o -> o.put("conf", 1.0), ACCEPTED);
        add(c, ALL, "timestamp exactly one day ahead", o -> shift(o, DAY), ACCEPTED);

        // ev
        add(c, ALL, "no ev", o -> o.remove("ev"), "missing_ev");
        add(c, ALL, "ev null", o -> o.putNull("ev"), "missing_ev");
        add(c, ALL, "ev Q (quotes are not ours)", o -> o.put("ev", "Q"), "unknown_ev");
        add(c, ALL, "ev lower case", o -> o.put("ev", o.get("ev").asText().toLowerCase()), "unknown_ev");
        add(c, ALL, "ev a number", o -> o.put("ev", 1), "unknown_ev");
        // sym
        add(c, ALL, "no sym", o -> o.remove("sym"), "missing_symbol");
        add(c, ALL, "empty sym", o -> o.put("sym", ""), "missing_symbol");
        add(c, ALL, "sym null", o -> o.putNull("sym"), "missing_symbol");
        add(c, ALL, "lower-case sym", o -> o.put("sym", "aapl"), "bad_symbol");
        add(c, ALL, "17-character sym", o -> o.put("sym", "ABCDEFGHIJKLMNOPQ"), "bad_symbol");
        add(c, ALL, "sym with a space", o -> o.put("sym", "AA PL"), "bad_symbol");
        add(c, ALL, "sym with a slash", o -> o.put("sym", "BTC/USD"), "bad_symbol");
        add(c, ALL, "sym a number", o -> o.put("sym", 123), "bad_symbol");
        // prices
        for (String field : List.of("o", "h", "l", "c", "vw", "op", "a")) {
            add(c, BARS, field + " = 0", o -> zeroPrice(o, field), "price_not_positive");
        }
        add(c, BARS, "all prices negative", o -> o.put("o", -1.0).put("h", -1.0).put("l", -1.0).put("c", -1.0),
                "price_not_positive");
        add(c, List.of("T"), "p = 0", o -> o.put("p", 0.0), "price_not_positive");
        add(c, List.of("T"), "p negative", o -> o.put("p", -190.25), "price_not_positive");
        add(c, List.of("FMV"), "mp = 0", o -> o.put("mp", 0.0), "price_not_positive");
        addRaw(c, List.of("T"), "p overflows to infinity", "p", "1e400", "price_not_finite");
        addRaw(c, List.of("T"), "p NaN", "p", "NaN", "price_not_finite");
        addRaw(c, BARS, "c Infinity", "c", "Infinity", "price_not_finite");
        addRaw(c, List.of("FMV"), "fmv NaN", "fmv", "NaN", "price_not_finite");
        addRaw(c, List.of("FMV"), "mp -Infinity", "mp", "-Infinity", "price_not_finite");
        // sizes and volumes
        add(c, List.of("T"), "s negative", o -> o.put("s", -100), "negative_size");
        add(c, BARS, "z negative", o -> o.put("z", -5), "negative_size");
        add(c, BARS, "v negative", o -> o.put("v", -1), "negative_volume");
        add(c, BARS, "av negative", o -> o.put("av", -1), "negative_volume");
        // bar shape
        add(c, BARS, "h below c", o -> o.put("h", 190.1), "high_below_body");
        add(c, BARS, "h below o", o -> o.put("o", 190.35), "high_below_body");
        add(c, BARS, "l above o", o -> o.put("l", 190.05), "low_above_body");
        add(c, BARS, "l above c", o -> o.put("c", 189.8), "low_above_body");
        add(c, BARS, "e = s", o -> o.put("e", o.get("s").asLong()), "end_not_after_start");
        add(c, BARS, "e before s", o -> o.put("e", o.get("s").asLong() - 1), "end_not_after_start");
        // time
        add(c, List.of("T"), "t before 2000", o -> o.put("t", BEFORE_2000), "time_too_old");
        add(c, List.of("T"), "t in seconds", o -> o.put("t", NOW / 1000), "time_too_old");
        add(c, BARS, "s before 2000", o -> o.put("s", BEFORE_2000), "time_too_old");
        add(c, List.of("FMV"), "t in milliseconds, not nanoseconds", o -> o.put("t", NOW), "time_too_old");
        add(c, ALL, "more than a day ahead", o -> shift(o, DAY + 1), "time_too_far_ahead");
        add(c, List.of("T"), "t in nanoseconds, not milliseconds", o -> o.put("t", NOW * 1_000_000),
                "time_too_far_ahead");
        // FMV
        add(c, List.of("FMV"), "fmv = 0", o -> o.put("fmv", 0.0), "fmv_not_positive");
        add(c, List.of("FMV"), "fmv negative", o -> o.put("fmv", -3.5), "fmv_not_positive");
        add(c, List.of("FMV"), "conf above 1", o -> o.put("conf", 1.5), "confidence_out_of_range");
        add(c, List.of("FMV"), "conf negative", o -> o.put("conf", -0.1), "confidence_out_of_range");
        // required fields and types
        for (String field : List.of("x", "i", "p", "s", "t")) {
            add(c, List.of("T"), "no " + field, o -> o.remove(field), "missing_field");
        }
        for (String field : List.of("v", "o", "c", "h", "l", "s", "e")) {
            add(c, BARS, "no " + field, o -> o.remove(field), "missing_field");
        }
        add(c, List.of("FMV"), "no fmv", o -> o.remove("fmv"), "missing_field");
        add(c, List.of("FMV"), "no t", o -> o.remove("t"), "missing_field");
        add(c, List.of("T"), "p as a string", o -> o.put("p", "190.25"), "bad_field");
        add(c, List.of("T"), "fractional size", o -> o.put("s", 100.5), "bad_field");
        add(c, List.of("T"), "exchange as a string", o -> o.put("x", "4"), "bad_field");
        add(c, List.of("T"), "exchange beyond int", o -> o.put("x", 1L << 40), "bad_field");
        add(c, List.of("T"), "conditions not integers", o -> o.set("c", JSON.arrayNode().add("a")), "bad_field");
        add(c, List.of("T"), "conditions not an array", o -> o.put("c", 12), "bad_field");
        add(c, List.of("T"), "trade id an object", o -> o.set("i", JSON.objectNode()), "bad_field");
        add(c, BARS, "otc not a boolean", o -> o.put("otc", "yes"), "bad_field");
        add(c, BARS, "fractional volume", o -> o.put("v", 500.5), "bad_field");
        add(c, List.of("FMV"), "fractional t", o -> o.put("t", 1.5), "bad_field");
        add(c, ALL, "sym-less and huge (size wins)", o -> o.put("pad", "x".repeat(70_000)), "message_too_large");

        // frame-level rules
        c.add(Arguments.of("not JSON", "this is not json", "not_json"));
        c.add(Arguments.of("truncated JSON", "[{\"ev\":\"T\",\"sym\":\"AAPL\"", "not_json"));
        c.add(Arguments.of("a number, not an object", "[42]", "not_object"));
        c.add(Arguments.of("a string, not an object", "[\"T\"]", "not_object"));
        c.add(Arguments.of("a nested array", "[[{\"ev\":\"T\"}]]", "not_object"));
        c.add(Arguments.of("a top-level scalar", "true", "not_object"));
        return c.stream();
    }

    private static void shift(ObjectNode o, long millis) {
        if (o.has("fmv")) {
            o.put("t", (NOW + millis) * 1_000_000);
        } else if (o.has("e")) {
            o.put("e", NOW + millis);
        } else {
            o.put("t", NOW + millis);
        }
    }

    private static void zeroPrice(ObjectNode o, String field) {
        // keep h ≥ max(o,c) and l ≤ min(o,c) true so that only the price rule can fire
        o.put(field, 0.0);
        if (field.equals("o") || field.equals("c")) {
            o.put("l", 0.0);
        }
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void everyRuleHasItsOwnReason(String change, String frame, String expected) {
        RecordingPublisher published = new RecordingPublisher();
        Intake intake = TestIntakes.fixedClock(published);

        Intake.Outcome outcome = intake.frame(new Origin("test", "table"), frame.getBytes(StandardCharsets.UTF_8),
                status -> { });

        if (ACCEPTED.equals(expected)) {
            assertThat(published.rejected).extracting(d -> d.rejection().reason().code() + " " + d.rejection().detail())
                    .isEmpty();
            assertThat(published.accepted).hasSize(1);
            assertThat(outcome.accepted()).isEqualTo(1);
        } else {
            assertThat(published.accepted).isEmpty();
            assertThat(published.rejected).hasSize(1);
            assertThat(published.rejected.get(0).rejection().reason().code()).isEqualTo(expected);
            assertThat(published.rejected.get(0).rejection().detail()).isNotBlank();
            assertThat(outcome.rejected()).isEqualTo(1);
        }
    }
}
