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

/** The JavaScript client library (/js/tickstock.js) loses its connection and resumes: every event once. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class JsClientTest extends ConnectedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static List<MarketEvent> publish(String symbol, int from, int count) {
        List<MarketEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(TestEvents.event(EventType.values()[i % 4], symbol, i % 4, i));
        }
        TestEvents.publish(Topics.EVENTS, events);
        return events;
    }

    private static void awaitEvents(NodeScript client, List<MarketEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            client.await("EVENT", WAIT);
        }
    }

    @Test
    void aDroppedConnectionIsResumedWithoutLosingOrRepeatingAnEvent() throws Exception {
        String symbol = GatewayClients.symbol("J");
        try (NodeScript client = NodeScript.start("client.mjs", endpoint("/ws/v1").toString().replaceFirst("^http", "ws"),
                "*." + symbol, "")) {
            client.await("STATUS {\"ev\":\"status\",\"status\":\"subscribed\"", WAIT);
            List<MarketEvent> before = publish(symbol, 0, 10);
            awaitEvents(client, before);

            client.send("DROP");
            client.await("DROPPED", WAIT);
            List<MarketEvent> whileAway = publish(symbol, 10, 15);
            String resumed = client.await("STATUS {\"ev\":\"status\",\"status\":\"resumed\"", WAIT);
            List<MarketEvent> after = publish(symbol, 25, 5);
            awaitEvents(client, after);
            client.send("DONE");
            JsonNode stats = Json.mapper().readTree(client.await("RESULT", WAIT));

            List<String> expected = new ArrayList<>();
            for (List<MarketEvent> part : List.of(before, whileAway, after)) {
                part.forEach(event -> expected.add(event.id()));
            }
            List<String> received = client.output().lines().filter(line -> line.startsWith("EVENT "))
                    .map(line -> line.substring(6)).toList();
            assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(stats.path("events").asInt()).isEqualTo(30);
            assertThat(stats.path("duplicatesDropped").asInt()).as("the gateway repeated nothing").isZero();
            assertThat(stats.path("reconnects").asInt()).isEqualTo(1);
            assertThat(stats.path("resumes").asInt()).isEqualTo(1);
            assertThat(resumed).isEqualTo(",\"recovered\":true}");
        }
    }
}
