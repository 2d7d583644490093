package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.TestTopics;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a process, restarted under a connected client (SPEC §5.3, §10): on SIGTERM the client is told to
 * reconnect (1012); after a restart, or a kill -9, it resumes from its cursor and gets every event it missed, once.
 */
@Tag("integration")
class GatewayRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SYMBOLS = "*.GRA,*.GRB,*.GRC";

    private final String topic = "restart-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    private final List<ServiceProcess> gateways = new ArrayList<>();
    private final List<WsTestClient> clients = new ArrayList<>();
    private long seq;

    @AfterEach
    void stop() {
        clients.forEach(WsTestClient::close);
        gateways.forEach(ServiceProcess::close);
    }

    private ServiceProcess startGateway() {
        ServiceProcess gateway = ServiceProcess.start("gateway-restart-" + gateways.size(), "ws-gateway", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestBroker.bootstrapServers(),
                "TICKSTOCK_GATEWAY_EVENTS_TOPIC", topic,
                "QUARKUS_PROFILE", "local"));
        gateways.add(gateway);
        return gateway.awaitReady();
    }

    private WsTestClient subscribe(ServiceProcess gateway, String cursor) {
        WsTestClient client = WsTestClient.connect(URI.create(gateway.uri("/ws/v1").toString()));
        clients.add(client);
        assertThat(client.next("status", WAIT).path("status").asText()).isEqualTo("connected");
        client.send("{\"action\":\"subscribe\",\"params\":\"" + SYMBOLS + "\",\"snapshot\":" + (cursor == null)
                + "}");
        assertThat(client.next("status", WAIT).path("status").asText()).isEqualTo("subscribed");
        if (cursor != null) {
            client.send("{\"action\":\"resume\",\"params\":\"" + cursor + "\"}");
        }
        return client;
    }

    private List<String> publish(int count) {
        List<MarketEvent> events = new ArrayList<>();
        String[] symbols = {"GRA", "GRB", "GRC"};
        for (int i = 0; i < count; i++, seq++) {
            events.add(TestEvents.event(EventType.values()[(int) (seq % 4)], symbols[(int) (seq % 3)],
                    (int) (seq % 4), seq));
        }
        TestEvents.publish(topic, events);
        return events.stream().map(MarketEvent::id).toList();
    }

    private static List<String> ids(WsTestClient client) {
        return client.events().stream().map(event -> event.path("id").asText()).toList();
    }

    private static String lastCursor(WsTestClient client) {
        List<JsonNode> events = client.events();
        return events.get(events.size() - 1).path("cursor").asText();
    }

    private void restartAndResume(boolean graceful) {
        TestTopics.create(3, List.of(topic));
        ServiceProcess first = startGateway();
        WsTestClient before = subscribe(first, null);
        List<String> seen = publish(40);
        await().atMost(WAIT).until(() -> before.events().size() == seen.size());

        if (graceful) {
            first.close();
            await().atMost(WAIT).until(before::closed);
            assertThat(before.closeCode()).as("1012: service restart, reconnect").isEqualTo(1012);
        } else {
            first.kill();
        }
        List<String> missed = publish(60);
        ServiceProcess second = startGateway();
        WsTestClient after = subscribe(second, lastCursor(before));
        JsonNode resumed = after.next("status", WAIT);
        List<String> live = publish(20);

        assertThat(resumed.path("status").asText()).isEqualTo("resumed");
        assertThat(resumed.path("recovered").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> after.events().size() >= missed.size() + live.size());
        List<String> all = new ArrayList<>(ids(before));
        all.addAll(ids(after));
        List<String> expected = new ArrayList<>(seen);
        expected.addAll(missed);
        expected.addAll(live);
        assertThat(all).as("every event once across the restart").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aGracefulRestartTellsClientsToReconnectAndTheyResumeWithoutGapOrRepeat() {
        restartAndResume(true);
    }

    @Test
    void afterAKillClientsResumeWithoutGapOrRepeat() {
        restartAndResume(false);
    }
}
