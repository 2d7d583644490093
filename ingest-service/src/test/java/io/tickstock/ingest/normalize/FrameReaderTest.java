package io.tickstock.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.RecordingPublisher;
import io.tickstock.ingest.TestIntakes;
import io.tickstock.model.Trade;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static final long NOW = TestIntakes.NOW;
    private final RecordingPublisher published = new RecordingPublisher();
    private final Intake intake = TestIntakes.fixedClock(published);
    private final List<String> controls = new ArrayList<>();

    private static String trade(String sym, double price) {
        return "{\"ev\":\"T\",\"sym\":\"" + sym + "\",\"x\":4,\"i\":\"1\",\"p\":" + price + ",\"s\":100,\"t\":" + NOW + "}";
    }

    private Intake.Outcome read(String frame) {
        return intake.frame(new Origin("test", "frame"), frame.getBytes(StandardCharsets.UTF_8),
                status -> controls.add(status.path("status").asText()));
    }

    private List<String> acceptedSymbols() {
        return published.accepted.stream().map(m -> m.sym()).toList();
    }

    private List<String> rejectedBytes() {
        return published.rejected.stream().map(d -> new String(d.original(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void badElementsAreDeadLetteredWithExactlyTheirBytesAndTheirNeighboursGoOn() {
        String bad = "{\"ev\":\"T\",\"sym\":\"BAD\",\"x\":4,\"i\":\"2\",\"p\":-1,\"s\":100,\"t\":" + NOW + "}";
        Intake.Outcome outcome = read("[" + trade("AAA", 10) + ", " + bad + ",42," + trade("BBB", 11) + "]");

        assertThat(acceptedSymbols()).containsExactly("AAA", "BBB");
        assertThat(rejectedBytes()).containsExactly(bad, "42");
        assertThat(published.rejected.get(0).key()).isEqualTo("BAD");
        assertThat(published.rejected.get(1).key()).isNull();
        assertThat(outcome).isEqualTo(new Intake.Outcome(2, 2));
    }

    @Test
    void aSyntaxErrorCostsOnlyWhatFollowsTheLastCompleteElement() {
        read("[" + trade("AAA", 10) + "," + trade("BBB", 11) + ", {\"ev\":\"T\",\"sym\":\"CC" + "\u0000garbage");

        assertThat(acceptedSymbols()).containsExactly("AAA", "BBB");
        assertThat(published.rejected).hasSize(1);
        assertThat(published.rejected.get(0).rejection().reason().code()).isEqualTo("not_json");
        assertThat(rejectedBytes().get(0)).startsWith(", {\"ev\":\"T\",\"sym\":\"CC").endsWith("garbage");
    }

    @Test
    void trailingDataAfterAValidFrameIsRejectedAndTheFrameKept() {
        read("[" + trade("AAA", 10) + "] [1]");

        assertThat(acceptedSymbols()).containsExactly("AAA");
        assertThat(rejectedBytes()).containsExactly(" [1]");
        assertThat(published.rejected.get(0).rejection().detail()).contains("trailing data");
    }

    @Test
    void aSingleObjectWithoutArrayIsOneMessage() {
        read(trade("AAA", 10));

        assertThat(acceptedSymbols()).containsExactly("AAA");
        assertThat(((Trade) published.accepted.get(0)).p()).isEqualTo(10.0);
    }

    @Test
    void statusMessagesAreControlNotData() {
        Intake.Outcome outcome = read("[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"},"
                + trade("AAA", 10) + "]");

        assertThat(controls).containsExactly("auth_success");
        assertThat(outcome).isEqualTo(new Intake.Outcome(1, 0));
        assertThat(published.rejected).isEmpty();
    }

    @Test
    void emptyFramesAndArrays() {
        assertThat(read("[]")).isEqualTo(new Intake.Outcome(0, 0));
        read("   ");
        assertThat(published.rejected).extracting(d -> d.rejection().reason().code()).containsExactly("not_json");
    }

    @Test
    void aFrameOverTheLimitIsRejectedUnreadAndAMessageOverItsLimitAlone() {
        FrameReader small = new FrameReader(300, 120);
        List<String> reasons = new ArrayList<>();
        FrameReader.Handler handler = new FrameReader.Handler() {
            @Override
            public void message(io.tickstock.model.MarketMessage msg, byte[] original) {
                reasons.add("ok " + msg.sym());
            }

            @Override
            public void control(com.fasterxml.jackson.databind.JsonNode status) {
                reasons.add("control");
            }

            @Override
            public void rejected(io.tickstock.ingest.validate.Rejection rejection, byte[] original, String symbol) {
                reasons.add(rejection.reason().code() + " " + symbol);
            }
        };
        String big = "{\"ev\":\"T\",\"sym\":\"BIG\",\"pad\":\"" + "x".repeat(100) + "\"}";
        small.read(("[" + trade("A", 1) + "," + big + "]").getBytes(StandardCharsets.UTF_8), handler);
        small.read(("[" + (trade("B", 1) + ",").repeat(4) + trade("B", 1) + "]").getBytes(StandardCharsets.UTF_8),
                handler);

        assertThat(reasons).containsExactly("ok A", "message_too_large BIG", "frame_too_large null");
    }
}
