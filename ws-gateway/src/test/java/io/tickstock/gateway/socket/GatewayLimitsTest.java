package io.tickstock.gateway.socket;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.clientCount;
import static io.tickstock.gateway.GatewayClients.metric;
import static io.tickstock.gateway.GatewayClients.subscribe;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits that bound the gateway's memory as a whole, not per connection: how many clients it takes, how the
 * budget of frames on the wire is shared among them, and how long a connection remembers what it sent for a resume.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(SmallGateway.class)
class GatewayLimitsTest extends ConnectedTest {

    @BeforeEach
    void noClientLeftFromAnotherTest() {
        await().atMost(WAIT).until(() -> clientCount() == 0);
    }

    @Test
    void beyondMaxClientsTheUpgradeIsRefusedWith503AndRetryAfterUntilOneLeaves() {
        List<WsTestClient> admitted = new ArrayList<>();
        for (int i = 0; i < SmallGateway.MAX_CLIENTS; i++) {
            admitted.add(connect());
        }
        double refusedBefore = metric("tickstock_gateway_refused_full_total");

        assertThatThrownBy(() -> WsTestClient.connect(endpoint("/ws/v1")))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    var response = ((WebSocketHandshakeException) e.getCause()).getResponse();
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
                });
        assertThat(metric("tickstock_gateway_refused_full_total")).isEqualTo(refusedBefore + 1);

        admitted.get(0).close();
        await().atMost(WAIT).until(() -> clientCount() == SmallGateway.MAX_CLIENTS - 1);
        assertThat(connect().closed()).isFalse();
    }

    @Test
    void eachClientsFramesAreItsShareOfTheWireBudget() {
        connect();
        await().atMost(WAIT).until(() -> metric("tickstock_gateway_frame_share") == SmallGateway.MAX_FRAME_BYTES);
        connect();
        connect();

        await().atMost(WAIT).until(() -> metric("tickstock_gateway_frame_share")
                == (double) SmallGateway.WIRE_BUDGET / SmallGateway.MAX_CLIENTS);
    }

    @Test
    void aBacklogLeavesInFramesOfAboutMaxFrameBytesInOrder() {
        WsTestClient client = connect();
        int framesBefore = client.frames() + 1; // and the subscribe's ack
        List<MarketEvent> events = subscribeAndReceiveHighs(client, 1_000);

        assertThat(client.events().stream().map(event -> event.path("id").asText()))
                .containsExactlyElementsOf(events.stream().map(MarketEvent::id).toList());
        int longestEvent = client.events().stream().mapToInt(event -> event.toString().length()).max().orElseThrow();
        assertThat(client.longestFrame()).as("a frame stops at the first event that reaches the limit")
                .isLessThanOrEqualTo(SmallGateway.MAX_FRAME_BYTES + longestEvent + 40);
        assertThat(client.frames() - framesBefore).as("1,000 events of ~%d bytes", longestEvent)
                .isGreaterThanOrEqualTo(1_000 * longestEvent / (SmallGateway.MAX_FRAME_BYTES + longestEvent));
    }

    @Test
    void aResumeAfterTheConnectionSentMoreThanItsWindowIsRefusedWithWhatToDo() {
        WsTestClient client = connect();
        subscribeAndReceiveHighs(client, SmallGateway.RESUME_WINDOW + 1);

        client.send("{\"action\":\"resume\",\"params\":\"0\"}");
        JsonNode refused = client.next("error", WAIT);

        assertThat(refused.path("code").asInt()).isEqualTo(400);
        assertThat(refused.path("message").asText()).contains("within its first " + SmallGateway.RESUME_WINDOW
                + " events");
        assertThat(client.closed()).isFalse();
    }

    /** Subscribes {@code client} to a symbol of its own, publishes {@code count} P1 highs of it and waits for them. */
    private static List<MarketEvent> subscribeAndReceiveHighs(WsTestClient client, int count) {
        String symbol = symbol("L");
        subscribe(client, "*." + symbol);
        List<MarketEvent> events = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            events.add(TestEvents.event(EventType.HIGH, symbol, 1, seq));
        }
        TestEvents.publish(Topics.EVENTS, events);
        await().atMost(WAIT).until(() -> client.events().size() == count);
        return events;
    }
}
