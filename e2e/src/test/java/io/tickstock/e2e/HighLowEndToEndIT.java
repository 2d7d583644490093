package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.e2e.HighLowPrediction.Expected;
import io.tickstock.model.EventType;
import io.tickstock.model.Trade;
import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole slice as users run it: simulator → Kafka → channel processor → Kafka → gateway → WebSocket client.
 * The client must receive exactly the high/low events an independent computation over the same input predicts:
 * nothing missing, nothing twice, source context intact.
 */
@Tag("integration")
class HighLowEndToEndIT {

    private static final int TRADES = 3_000;
    private static final int PARTITIONS = 3;
    private static RunTopics topics;

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess processor;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startProcessorAndGateway() {
        topics = RunTopics.create("e2e", PARTITIONS);
        processor = start("processor", "channel-processor", topics.processorEnv("processor"));
        gateway = start("gateway", "ws-gateway", topics.gatewayEnv());
        processor.awaitReady();
        gateway.awaitReady();
    }

    private static ServiceProcess start(String name, String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(name, module, env);
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopAll() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void aSubscribedClientReceivesExactlyThePredictedHighsAndLowsOnce() {
        try (WsTestClient client = WsTestClient.connect(URI.create(gateway.uri("/ws/v1").toString()))) {
            assertThat(client.next(Duration.ofSeconds(10)).path("status").asText()).isEqualTo("connected");
            client.send("{\"action\":\"subscribe\",\"params\":\"high.*,low.*\"}");
            assertThat(client.next(Duration.ofSeconds(10)).path("status").asText()).isEqualTo("subscribed");

            // trades only: the reference model predicts high/low from trades
            ServiceProcess ingest = start("ingest", "ingest-service", topics.tradesEnv(7, 6, 500, TRADES));
            ingest.awaitReady();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ingest.get("/status").body().contains("\"finished\":true"));

            Map<String, Expected> expected = HighLowPrediction.predict(
                    HighLowPrediction.readExactly(topics.tick(), TRADES));
            // how many events a run yields depends on the simulator's pacing on a loaded machine; that it
            // exercises both kinds does not
            assertThat(expected.values()).as("the run must exercise both event types")
                    .extracting(Expected::type).contains(EventType.HIGH, EventType.LOW);

            // every predicted event arrives, and (a list, not a set) none of them twice
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids(client.events()))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet()));
            // and nothing more follows: no late duplicate, no stray event
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> client.events().size() == expected.size());

            List<JsonNode> received = client.events();
            for (JsonNode event : received) {
                assertMatches(event, expected.get(event.path("id").asText()));
            }
        }
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asText()).toList();
    }

    private static void assertMatches(JsonNode event, Expected expected) {
        Trade trade = (Trade) expected.input().value().msg();
        assertThat(event.path("type").asText()).isEqualTo(expected.type().wireName());
        assertThat(event.path("symbol").asText()).isEqualTo(trade.sym());
        assertThat(event.path("price").asDouble()).isEqualTo(trade.p());
        assertThat(event.path("eventTime").asLong()).isEqualTo(trade.t());
        JsonNode source = event.path("source");
        assertThat(source.path("provider").asText()).isEqualTo("simulator");
        assertThat(source.path("feed").asText()).isEqualTo("T");
        assertThat(source.path("providerTs").asLong()).isEqualTo(trade.t());
        assertThat(source.path("ingestTs").asLong()).isEqualTo(expected.input().value().ingestTs());
        assertThat(source.path("topic").asText()).isEqualTo(topics.tick());
        assertThat(source.path("partition").asInt()).isEqualTo(expected.input().partition());
        assertThat(source.path("offset").asLong()).isEqualTo(expected.input().offset());
        assertThat(source.path("msgId").asText()).isEqualTo(trade.identity());
    }
}
