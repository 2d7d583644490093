package io.tickstock.tools.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each hop's latency is the difference of the two clocks that bound it. */
class HopLogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final HopLog log = new HopLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    static final long PROVIDER_TS = 1_700_000_000_000L;

    static MarketEvent highOf(Trade trade, long ingestTs, long detectedAt) {
        SourceContext source = new SourceContext("simulator", Feed.T, trade.eventTime(), ingestTs,
                "tickstock.raw.tick", 3, 1042, trade.identity());
        return new MarketEvent(1, "3f2a9c0d1e2b4a5f6a7b8c9d0e1f2a3b", EventType.HIGH, trade.sym(), Direction.UP,
                190.25, 1, Channel.TICK, trade.eventTime(), detectedAt, Map.of(), source);
    }

    @Test
    void aRawRecordShowsProviderToIngestAndIngestToTopic() {
        Trade trade = Trade.of("AAPL", 4, "77", 190.25, 100, PROVIDER_TS);

        log.raw("tickstock.raw.tick", 3, 1042, IngestedMessage.of("simulator", PROVIDER_TS + 2, trade), PROVIDER_TS + 5);

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("raw.tick[3]@1042").contains(trade.identity())
                .endsWith("provider->ingest 2 ms, ingest->raw 3 ms"));
    }

    @Test
    void anEventShowsDetectionAndCommitThenTheGatewayHop() throws Exception {
        Trade trade = Trade.of("AAPL", 4, "77", 190.25, 100, PROVIDER_TS);
        MarketEvent event = highOf(trade, PROVIDER_TS + 2, PROVIDER_TS + 6);

        log.event("tickstock.events", 3, 88, event, PROVIDER_TS + 46);
        JsonNode frame = Json.mapper().valueToTree(event);
        log.delivered(frame, PROVIDER_TS + 47);

        List<String> lines = lines();
        assertThat(lines.get(0)).contains("events[3]@88").contains("id 3f2a9c0d1e2b").contains("<- raw.tick[3]@1042")
                .endsWith("ingest->detected 4 ms, detected->committed 40 ms");
        assertThat(lines.get(1)).contains("gateway").endsWith("committed->client 1 ms, ingest->client 45 ms");
    }

    @Test
    void aSnapshotIsMarkedAndNotMeasured() throws Exception {
        Trade trade = Trade.of("AAPL", 4, "77", 190.25, 100, PROVIDER_TS);
        ObjectNode frame = Json.mapper().valueToTree(highOf(trade, 0, 0));
        frame.put("snapshot", true);

        log.delivered(frame, PROVIDER_TS);

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).contains("(snapshot)")
                .doesNotContain("ingest->client"));
    }

    @Test
    void anEventTheTraceDidNotSeeInKafkaStillShowsItsWholeLatency() throws Exception {
        Trade trade = Trade.of("AAPL", 4, "77", 190.25, 100, PROVIDER_TS);

        log.delivered(Json.mapper().valueToTree(highOf(trade, PROVIDER_TS, PROVIDER_TS + 1)), PROVIDER_TS + 30);

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .endsWith("ingest->client 30 ms").doesNotContain("committed->client"));
    }

    private List<String> lines() {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }
}
