package io.tickstock.gateway.socket;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.ids;
import static io.tickstock.gateway.GatewayClients.subscribe;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resume (SPEC §8): a client that comes back with its cursor gets every event it missed, once, then live ones. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class ResumeTest extends ConnectedTest {

    private final String first = symbol("R");
    private final String second = symbol("Q");
    private long seq;

    /** {@code count} events over both symbols and every priority, published in order. */
    private List<MarketEvent> publish(int count) {
        List<MarketEvent> events = new ArrayList<>();
        EventType[] types = {EventType.HIGH, EventType.TREND, EventType.FMV_DEVIATION, EventType.LOW};
        for (int i = 0; i < count; i++) {
            long n = seq++;
            events.add(TestEvents.event(types[(int) (n % 4)], n % 2 == 0 ? first : second, (int) (n % 4), n));
        }
        TestEvents.publish(Topics.EVENTS, events);
        return events;
    }

    private static List<String> idsOf(List<MarketEvent> events) {
        return events.stream().map(MarketEvent::id).toList();
    }

    private static String lastCursor(WsTestClient client) {
        List<JsonNode> events = client.events();
        return events.get(events.size() - 1).path("cursor").asText();
    }

    /** A replay drains by priority when it runs behind: order holds per symbol within each priority. */
    private static void assertPerSymbolOrder(List<JsonNode> events) {
        Map<String, Double> last = new HashMap<>();
        for (JsonNode event : events) {
            double seq = event.path("details").path("seq").asDouble();
            Double before = last.put(event.path("symbol").asText() + "/P" + event.path("priority").asInt(), seq);
            assertThat(before == null || before < seq).as("per-symbol order at %s", event).isTrue();
        }
    }

    @Test
    void aClientThatReconnectsWithItsCursorGetsEveryMissedEventOnceThenTheLiveOnes() {
        WsTestClient before = connect();
        subscribe(before, "*." + first + ",*." + second);
        List<MarketEvent> seen = publish(12);
        await().atMost(WAIT).until(() -> before.events().size() == 12);
        String cursor = lastCursor(before);
        before.close();

        List<MarketEvent> missed = publish(20);
        WsTestClient after = connect();
        after.send("{\"action\":\"subscribe\",\"params\":\"*." + first + ",*." + second + "\",\"snapshot\":false}");
        after.next("status", WAIT);
        after.send("{\"action\":\"resume\",\"params\":\"" + cursor + "\"}");
        JsonNode resumed = after.next("status", WAIT);
        List<MarketEvent> live = publish(8);

        assertThat(resumed.toString()).isEqualTo("{\"ev\":\"status\",\"status\":\"resumed\",\"recovered\":true}");
        await().atMost(WAIT).until(() -> after.events().size() >= 28);
        List<String> received = ids(after.events());
        assertThat(received.subList(0, 20)).containsExactlyInAnyOrderElementsOf(idsOf(missed));
        assertThat(received.subList(20, received.size())).containsExactlyInAnyOrderElementsOf(idsOf(live));
        assertThat(received).doesNotContainAnyElementsOf(idsOf(seen));
        assertPerSymbolOrder(after.events());
    }

    /**
     * As a client nobody here wrote resumes: subscribe (snapshot on, the default), then resume right after; or the
     * one-step form, the cursor in the subscribe. Every missed event is the latest of its (symbol, type), so the
     * subscribe's snapshot would have shown them all; they must arrive as events, in order, once.
     */
    @ParameterizedTest(name = "the cursor in the subscribe: {0}")
    @ValueSource(booleans = {false, true})
    void aClientThatResumesGetsWhatItMissedAsEventsInOrderNoneAsASnapshot(boolean oneStep) {
        String patterns = "*." + first + ",*." + second;
        String cursor = awayFrom(patterns);
        List<MarketEvent> missed = publish(8);

        WsTestClient after = connect();
        if (oneStep) {
            after.send("{\"action\":\"subscribe\",\"params\":\"" + patterns + "\",\"cursor\":\"" + cursor
                    + "\"}");
        } else {
            after.send("{\"action\":\"subscribe\",\"params\":\"" + patterns + "\"}");
            after.send("{\"action\":\"resume\",\"params\":\"" + cursor + "\"}");
        }

        assertResumedWithEvents(after, missed);
    }

    /** A client that saw 8 events on both symbols and left; the cursor of its last frame. */
    private String awayFrom(String patterns) {
        WsTestClient before = connect();
        subscribe(before, patterns);
        publish(8);
        await().atMost(WAIT).until(() -> before.events().size() == 8);
        String cursor = lastCursor(before);
        before.close();
        return cursor;
    }

    private static void assertResumedWithEvents(WsTestClient client, List<MarketEvent> missed) {
        await().atMost(WAIT).until(() -> client.received().stream()
                .anyMatch(node -> node.path("status").asText().equals("resumed")));
        List<JsonNode> events = client.events();
        assertThat(ids(events)).containsExactlyInAnyOrderElementsOf(idsOf(missed));
        assertThat(events).noneMatch(event -> event.path("snapshot").asBoolean());
        assertPerSymbolOrder(events);
        List<String> order = client.received().stream().map(node -> node.path("ev").asText()
                + node.path("status").asText()).toList();
        assertThat(order.indexOf("statusresumed")).as("resumed after every missed event: %s", order)
                .isEqualTo(order.lastIndexOf("event") + 1);
    }

    @Test
    void aResumeAfterLiveEventsAndASnapshotOnTheSameConnectionRepeatsNone() {
        WsTestClient before = connect();
        subscribe(before, "*." + first + ",*." + second);
        publish(4);
        await().atMost(WAIT).until(() -> before.events().size() == 4);
        String cursor = lastCursor(before);
        before.close();
        List<MarketEvent> missed = publish(6);

        WsTestClient after = connect();
        subscribe(after, "*." + first + ",*." + second);
        await().atMost(WAIT).until(() -> !after.events().isEmpty());
        List<MarketEvent> live = publish(4);
        await().atMost(WAIT).until(() -> ids(after.events()).containsAll(idsOf(live)));
        after.send("{\"action\":\"resume\",\"params\":\"" + cursor + "\"}");
        await().atMost(WAIT).until(() -> after.received().stream()
                .anyMatch(node -> node.path("status").asText().equals("resumed")));

        List<String> received = ids(after.events());
        assertThat(received).doesNotHaveDuplicates();
        assertThat(received).containsAll(idsOf(missed)).containsAll(idsOf(live));
    }

    @Test
    void cursorsTheTopicCannotHaveAndASecondResumeAreRefused() {
        WsTestClient client = connect();
        subscribe(client, "*." + first);

        client.send("{\"action\":\"resume\",\"params\":\"999999999.0.0\"}");
        JsonNode ahead = client.next("error", WAIT);

        assertThat(ahead.path("code").asInt()).isEqualTo(400);
        assertThat(ahead.path("message").asText()).contains("ahead of tickstock.events");
        client.send("{\"action\":\"resume\",\"params\":\"0.0.0\"}");
        assertThat(client.next("status", WAIT).path("status").asText()).isEqualTo("resumed");
    }
}
