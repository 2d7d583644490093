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
import io.restassured.RestAssured;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.Json;
import io.tickstock.gateway.resume.Cursor;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every action and error of the v1 protocol (SPEC §8) over a real WebSocket, events from the real topic. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class ProtocolContractTest extends ConnectedTest {

    private static JsonNode error(WsTestClient client, String request) {
        client.send(request);
        return client.next("error", WAIT);
    }

    @Test
    void greetsWithTheConnectedStatusAndNoAuthInTheLocalProfile() {
        WsTestClient client = track(WsTestClient.connect(endpoint("/ws/v1")));

        JsonNode connected = client.next(WAIT);
        assertThat(connected.toString())
                .isEqualTo("{\"ev\":\"status\",\"status\":\"connected\",\"protocol\":\"tickstock/1\",\"auth\":\"none\"}");
        client.send("{\"action\":\"auth\",\"params\":\"anything\"}");
        assertThat(client.next(WAIT).path("status").asText()).isEqualTo("auth_success");
    }

    @Test
    void subscribeAndUnsubscribeAckWithTheFullSet() {
        WsTestClient client = connect();

        JsonNode first = subscribe(client, "high.AAPL,low.*");
        JsonNode second = subscribe(client, "*.TSLA");
        client.send("{\"action\":\"unsubscribe\",\"params\":\"low.*\"}");
        JsonNode third = client.next("status", WAIT);

        assertThat(first.path("status").asText()).isEqualTo("subscribed");
        assertThat(first.path("subscriptions").toString()).isEqualTo("[\"high.AAPL\",\"low.*\"]");
        assertThat(second.path("subscriptions").toString()).isEqualTo("[\"*.TSLA\",\"high.AAPL\",\"low.*\"]");
        assertThat(third.path("status").asText()).isEqualTo("subscribed");
        assertThat(third.path("subscriptions").toString()).isEqualTo("[\"*.TSLA\",\"high.AAPL\"]");
    }

    @Test
    void eventsArriveWithTheirCursorOnlyWhenSubscribedAndNotAfterUnsubscribe() {
        String aapl = symbol("A");
        String tsla = symbol("T");
        WsTestClient client = connect();
        subscribe(client, "high." + aapl + ",*." + tsla);
        MarketEvent wanted = TestEvents.event(EventType.HIGH, aapl, 1, 1);
        MarketEvent otherType = TestEvents.event(EventType.LOW, aapl, 1, 2);
        MarketEvent anyType = TestEvents.event(EventType.SURGE, tsla, 1, 3);

        TestEvents.publish(Topics.EVENTS, wanted, otherType, anyType);

        await().atMost(WAIT).until(() -> client.events().size() >= 2);
        assertThat(ids(client.events())).containsExactlyInAnyOrder(wanted.id(), anyType.id());
        JsonNode received = client.events().stream()
                .filter(node -> node.path("id").asText().equals(wanted.id())).findFirst().orElseThrow();
        assertThat(received.path("type").asText()).isEqualTo("high");
        assertThat(received.path("price").asDouble()).isEqualTo(wanted.price());
        assertThat(received.path("source").path("msgId").asText()).isEqualTo(wanted.source().msgId());
        assertThat(client.events().get(client.events().size() - 1).path("cursor").asText())
                .matches("\\d+\\.\\d+\\.\\d+");
        assertThat(received.has("snapshot")).isFalse();
        assertThat(received.path("gatewayReadUs").asLong() / 1000).isBetween(wanted.detectedAt(),
                System.currentTimeMillis());

        client.send("{\"action\":\"unsubscribe\",\"params\":\"*." + tsla + "\"}");
        client.next("status", WAIT);
        MarketEvent after = TestEvents.event(EventType.SURGE, tsla, 1, 4);
        MarketEvent still = TestEvents.event(EventType.HIGH, aapl, 1, 5);
        TestEvents.publish(Topics.EVENTS, after, still);
        await().atMost(WAIT).until(() -> client.events().size() >= 3);
        assertThat(ids(client.events())).containsExactlyInAnyOrder(wanted.id(), anyType.id(), still.id());
    }

    @Test
    void theCursorTravelsOncePerFrameOnItsLastEventWhateverTheFrameHolds() throws Exception {
        String sym = symbol("F");
        WsTestClient client = connect();
        subscribe(client, "*." + sym);
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(TestEvents.event(EventType.HIGH, sym, 1, i));
        }

        TestEvents.publish(Topics.EVENTS, events);

        await().atMost(WAIT).until(() -> client.events().size() == 50);
        Cursor previous = Cursor.parse("0.0.0");
        for (String frame : client.rawFrames()) {
            JsonNode objects = Json.mapper().readTree(frame);
            if (!objects.get(0).path("ev").asText().equals("event")) {
                continue;
            }
            for (int i = 0; i < objects.size(); i++) {
                assertThat(objects.get(i).has("cursor")).as("object %d of %s", i, frame)
                        .isEqualTo(i == objects.size() - 1);
            }
            Cursor cursor = Cursor.parse(objects.get(objects.size() - 1).path("cursor").asText());
            for (int partition = 0; partition < cursor.partitions(); partition++) {
                assertThat(cursor.lowest(partition)).as("cursors only move on").isGreaterThanOrEqualTo(
                        previous.lowest(partition));
            }
            previous = cursor;
        }
        assertThat(ids(client.events())).containsExactlyElementsOf(events.stream().map(MarketEvent::id).toList());
    }

    @Test
    void aSubscribeGetsTheLatestEventOfEachSymbolAndTypeItNewlyCoversAsASnapshot() {
        String sym = symbol("S");
        WsTestClient watcher = connect();
        subscribe(watcher, "*." + sym);
        MarketEvent oldHigh = TestEvents.event(EventType.HIGH, sym, 1, 1);
        MarketEvent newHigh = TestEvents.event(EventType.HIGH, sym, 1, 2);
        MarketEvent low = TestEvents.event(EventType.LOW, sym, 1, 3);
        TestEvents.publish(Topics.EVENTS, oldHigh, newHigh, low);
        await().atMost(WAIT).until(() -> watcher.events().size() == 3);

        WsTestClient client = connect();
        subscribe(client, "high." + sym);
        await().atMost(WAIT).until(() -> client.events().size() == 1);
        subscribe(client, "*." + sym);
        await().atMost(WAIT).until(() -> client.events().size() == 2);
        WsTestClient withoutSnapshot = connect();
        withoutSnapshot.send("{\"action\":\"subscribe\",\"params\":\"*." + sym + "\",\"snapshot\":false}");
        withoutSnapshot.next("status", WAIT);
        MarketEvent live = TestEvents.event(EventType.HIGH, sym, 1, 4);
        TestEvents.publish(Topics.EVENTS, live);

        await().atMost(WAIT).until(() -> client.events().size() == 3 && withoutSnapshot.events().size() == 1);
        List<JsonNode> events = client.events();
        assertThat(ids(events)).containsExactly(newHigh.id(), low.id(), live.id());
        assertThat(events.get(0).path("snapshot").asBoolean()).isTrue();
        assertThat(events.get(1).path("snapshot").asBoolean()).isTrue();
        assertThat(events.get(2).has("snapshot")).isFalse();
        assertThat(ids(withoutSnapshot.events())).containsExactly(live.id());
    }

    @Test
    void pingIsAnsweredWithPong() {
        WsTestClient client = connect();
        client.send("{\"action\":\"ping\"}");

        assertThat(client.next(WAIT).toString()).isEqualTo("{\"ev\":\"pong\"}");
    }

    @Test
    void badRequestsGet400AndChangeNothing() {
        WsTestClient client = connect();
        subscribe(client, "high.AAPL");

        JsonNode notJson = error(client, "not json");
        JsonNode unknown = error(client, "{\"action\":\"dance\"}");
        JsonNode badPattern = error(client, "{\"action\":\"subscribe\",\"params\":\"high.AAPL,bogus\"}");
        JsonNode noParams = error(client, "{\"action\":\"subscribe\"}");
        JsonNode badCursor = error(client, "{\"action\":\"resume\",\"params\":\"yesterday\"}");
        JsonNode tooManyPartitions = error(client, "{\"action\":\"resume\",\"params\":\"1.2.3.4\"}");
        client.sendBinary(new byte[] {1, 2, 3});
        JsonNode binary = client.next("error", WAIT);
        JsonNode stillThere = subscribe(client, "low.MSFT");

        for (JsonNode error : List.of(notJson, unknown, badPattern, noParams, badCursor, tooManyPartitions, binary)) {
            assertThat(error.path("code").asInt()).as(error.toString()).isEqualTo(400);
        }
        assertThat(notJson.path("message").asText()).contains("not JSON");
        assertThat(unknown.path("message").asText()).contains("unknown action 'dance'");
        assertThat(badPattern.path("message").asText()).contains("'bogus'");
        assertThat(noParams.path("message").asText()).contains("TYPE.SYMBOL");
        assertThat(badCursor.path("message").asText()).contains("is not a cursor");
        assertThat(tooManyPartitions.path("message").asText()).contains("names 4 partitions");
        assertThat(binary.path("message").asText()).contains("binary frames");
        assertThat(stillThere.path("subscriptions").toString()).isEqualTo("[\"high.AAPL\",\"low.MSFT\"]");
        assertThat(client.closed()).isFalse();
    }

    @Test
    void moreSubscriptionsThanTheLimitGet405AndTheSetStays() {
        WsTestClient client = connect();
        List<JsonNode> answers = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            StringBuilder params = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                params.append(i == 0 ? "" : ",").append("high.S").append(batch * 500 + i);
            }
            client.send("{\"action\":\"subscribe\",\"params\":\"" + params + "\"}");
            answers.add(client.next(WAIT));
        }

        assertThat(answers.subList(0, 2)).allMatch(answer -> answer.path("status").asText().equals("subscribed"));
        assertThat(answers.get(1).path("subscriptions")).hasSize(1000);
        assertThat(answers.subList(2, 20)).allMatch(answer -> answer.path("code").asInt() == 405);
        assertThat(answers.get(2).path("message").asText()).contains("at most 1000 subscriptions");
        client.send("{\"action\":\"unsubscribe\",\"params\":\"high.S0\"}");
        assertThat(client.next("status", WAIT).path("subscriptions")).hasSize(999);
    }

    @Test
    void anOversizedMessageGets413ThenTheConnectionIsClosed() {
        WsTestClient client = connect();

        client.send("{\"action\":\"subscribe\",\"params\":\"" + "x".repeat(20_000) + "\"}");

        JsonNode error = client.next(WAIT);
        assertThat(error.path("code").asInt()).isEqualTo(413);
        assertThat(error.path("message").asText()).contains("16384 bytes");
        await().atMost(WAIT).until(client::closed);
        assertThat(client.closeCode()).isEqualTo(4413);
    }

    @Test
    void aFloodGets429OnceASecondAndTheClientIsServedAgainOnceItSlowsDown() {
        WsTestClient client = connect();

        for (int i = 0; i < 200; i++) {
            client.send("{\"action\":\"ping\"}");
        }
        JsonNode limited = client.next("error", WAIT);
        assertThat(limited.path("code").asInt()).isEqualTo(429);
        assertThat(limited.path("message").asText()).contains("20 messages per second");
        // messages of one connection are handled in order: once a later ping is answered, the flood is through
        await().atMost(WAIT).untilAsserted(() -> {
            client.send("{\"action\":\"ping\"}");
            assertThat(client.next(Duration.ofSeconds(2)).path("ev").asText()).isEqualTo("pong");
        });

        long pongs = count(client, "pong");
        long errors = count(client, "error");
        assertThat(pongs).as("the burst of 50 passed, most of the flood did not").isBetween(50L, 150L);
        assertThat(errors).as("a flood is not answered by a flood").isBetween(1L, 10L);
        assertThat(client.closed()).isFalse();
    }

    private static long count(WsTestClient client, String ev) {
        return client.received().stream().filter(node -> node.path("ev").asText().equals(ev)).count();
    }

    @Test
    void theDashboardItsClientLibraryAndItsNumbersAreServed() {
        RestAssured.get("/").then().statusCode(200).body(Matchers.containsString("/js/tickstock.js"));
        RestAssured.get("/js/tickstock.js").then().statusCode(200).body(Matchers.containsString("resume"));
        connect();
        RestAssured.get("/api/stats").then().statusCode(200)
                .body("clients", Matchers.greaterThanOrEqualTo(1))
                .body("received.tick", Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void metricsFollowTheContract() {
        WsTestClient client = connect();
        String sym = symbol("M");
        subscribe(client, "*." + sym);
        TestEvents.publish(Topics.EVENTS, TestEvents.event(EventType.HIGH, sym, 1, 1));
        await().atMost(WAIT).until(() -> client.events().size() == 1);

        await().atMost(WAIT).untilAsserted(() -> RestAssured.get("/q/metrics").then().statusCode(200)
                .body(Matchers.containsString("tickstock_gateway_clients "))
                .body(Matchers.containsString("tickstock_gateway_subscriptions "))
                .body(Matchers.containsString("tickstock_gateway_queue_depth "))
                .body(Matchers.containsString("tickstock_gateway_consumer_lag "))
                .body(Matchers.containsString("tickstock_gateway_sent_total{priority=\"1\"}"))
                .body(Matchers.containsString("tickstock_gateway_shed_total{priority=\"3\"}"))
                .body(Matchers.containsString("tickstock_gateway_conflated_total{priority=\"2\"}"))
                .body(Matchers.containsString("tickstock_gateway_slow_closes_total "))
                .body(Matchers.containsString("tickstock_gateway_errors_total{code=\"400\"}"))
                .body(Matchers.containsString("tickstock_gateway_latency_seconds_bucket{channel=\"tick\""))
                .body(Matchers.containsString("tickstock_gateway_events_received_total ")));
    }
}
