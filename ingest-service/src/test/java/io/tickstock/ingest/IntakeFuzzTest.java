package io.tickstock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.metrics.IngestCounters;
import io.tickstock.ingest.metrics.RejectLog;
import io.tickstock.ingest.normalize.FrameReader;
import io.tickstock.ingest.validate.Rules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at the boundary: valid frames mutated at random (bytes flipped, cut, spliced, fields replaced),
 * plus pure noise. Whatever arrives, nothing escapes as an exception and every received element is accounted for:
 * accepted + rejected == received.
 */
class IntakeFuzzTest {

    private static final int INPUTS = 20_000;
    private static final long NOW = TestIntakes.NOW;
    private static final List<String> SEEDS = List.of(
            "[{\"ev\":\"T\",\"sym\":\"AAPL\",\"x\":4,\"i\":\"71\",\"z\":3,\"p\":190.25,\"s\":100,\"c\":[12,37],\"t\":" + NOW + "}]",
            "[{\"ev\":\"A\",\"sym\":\"MSFT\",\"v\":500,\"av\":9000,\"op\":330.1,\"vw\":331.2,\"o\":331.0,\"c\":331.4,"
                    + "\"h\":331.5,\"l\":330.9,\"a\":330.8,\"z\":50,\"s\":" + (NOW - 1000) + ",\"e\":" + NOW + "}]",
            "[{\"ev\":\"AM\",\"sym\":\"XLK\",\"v\":50000,\"o\":170.1,\"c\":170.3,\"h\":170.4,\"l\":170.0,\"s\":"
                    + (NOW - 60000) + ",\"e\":" + NOW + ",\"otc\":false}]",
            "[{\"ev\":\"FMV\",\"sym\":\"TLT\",\"fmv\":98.31,\"mp\":98.3,\"conf\":0.8,\"t\":" + NOW * 1_000_000 + "}]",
            "[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]",
            "[{\"ev\":\"T\",\"sym\":\"A\",\"x\":1,\"i\":\"1\",\"p\":1.5,\"s\":1,\"t\":" + NOW + "},"
                    + "{\"ev\":\"FMV\",\"sym\":\"B\",\"fmv\":2.5,\"t\":" + NOW * 1_000_000 + "}]");
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "1e400",
        "NaN", "\"ev\"", "\"T\"", "\"AM\"", "\"sym\"", "\"\"", "\\u0000", "\uFFFF", "9999999999999999999999"};

    @Test
    void nothingEscapesAndEveryElementIsAccountedFor() {
        SplittableRandom random = new SplittableRandom(20240102);
        RecordingPublisher published = new RecordingPublisher();
        IngestCounters counters = new IngestCounters(new SimpleMeterRegistry());
        Intake intake = new Intake(new FrameReader(4_096, 1_024), new Rules(TestIntakes.CLOCK, Duration.ofDays(1)),
                published, counters, new RejectLog(TestIntakes.CLOCK, 5));
        Origin origin = new Origin("fuzz", "test");
        long accepted = 0;
        long rejected = 0;

        for (int i = 0; i < INPUTS; i++) {
            byte[] input = random.nextInt(10) == 0 ? noise(random) : mutate(random,
                    SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8));
            Intake.Outcome outcome = intake.frame(origin, input, status -> { });
            accepted += outcome.accepted();
            rejected += outcome.rejected();
        }

        assertThat(accepted + rejected).isEqualTo(counters.received("fuzz"));
        assertThat(counters.accepted("fuzz")).isEqualTo(accepted).isEqualTo(published.accepted.size());
        assertThat(counters.rejected("fuzz")).isEqualTo(rejected).isEqualTo(published.rejected.size());
        // the mutations must exercise both sides, or this test proves nothing
        assertThat(accepted).isGreaterThan(INPUTS / 20);
        assertThat(rejected).isGreaterThan(INPUTS / 2);
        assertThat(counters.rejectedByReason()).containsKeys("not_json", "not_object", "bad_field",
                "missing_field", "frame_too_large");
    }

    private static byte[] noise(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(random.nextInt(8) == 0 ? 6_000 : 200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(SplittableRandom random, byte[] seed) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text = text.substring(0, at); // cut
                case 1 -> text = text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
                case 2 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 3 -> text = text + "," + text; // splice two frames
                case 4 -> text = text.replace("\"" + "p\":", "\"p\":" + TOKENS[random.nextInt(TOKENS.length)] + ",\"x\":");
                default -> text = "[" + text.repeat(1 + random.nextInt(40)).replace("][", ",") + "]";
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // flip a byte
        }
        return bytes;
    }
}
