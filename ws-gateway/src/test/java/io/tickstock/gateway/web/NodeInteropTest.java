package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Interop with a WebSocket client nobody here wrote: the npm {@code ws} package. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class NodeInteropTest extends ConnectedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theWsPackageSpeaksTheProtocol() throws Exception {
        String symbol = GatewayClients.symbol("N");
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(TestEvents.event(i % 2 == 0 ? EventType.HIGH : EventType.LOW, symbol, 1, i));
        }
        try (NodeScript ws = NodeScript.start("interop.mjs",
                endpoint("/ws/v1").toString().replaceFirst("^http", "ws"), symbol, "20")) {
            ws.await("READY", WAIT);
            TestEvents.publish(Topics.EVENTS, events);

            JsonNode result = Json.mapper().readTree(ws.await("RESULT", WAIT));

            List<String> ids = new ArrayList<>();
            result.path("ids").forEach(id -> ids.add(id.asText()));
            assertThat(ids).containsExactlyElementsOf(events.stream().map(MarketEvent::id).toList());
            assertThat(result.path("frameCursors")).as("a cursor on the last event of each frame").isNotEmpty();
            result.path("frameCursors").forEach(cursor -> assertThat(cursor.asText()).matches("[0-9.~:=,]+"));
            assertThat(result.path("binaryFrames").asInt()).as("every server frame is text").isZero();
            assertThat(result.path("closeCode").asInt()).isEqualTo(1000);
        }
    }
}
