package io.tickstock.gateway.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v1 protocol over a real WebSocket, with events coming from the real events topic. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StreamEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws/v1")
    URI endpoint;

    private WsTestClient client;

    @BeforeEach
    void connect() {
        await().atMost(WAIT).untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
        client = WsTestClient.connect(endpoint);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static MarketEvent event(EventType type, String symbol, double price) {
        SourceContext source = new SourceContext("simulator", Feed.T, 1_700_000_000_000L, 1_700_000_000_001L,
                Topics.RAW_TICK, 0, 7, "T|" + symbol + "|1|1700000000000|4");
        return new MarketEvent(1, UUID.randomUUID().toString(), type, symbol, Direction.UP, price, 1, Channel.TICK,
                1_700_000_000_000L, 1_700_000_000_002L, Map.of("sessionHigh", price), source);
    }

    private static void publish(MarketEvent... events) {
        try (var producer = new KafkaProducer<>(TestBroker.clientProperties(), new StringSerializer(),
                new JsonSerde<>(MarketEvent.class))) {
            for (MarketEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, event.symbol(), event));
            }
        }
    }

    private JsonNode subscribe(String params) {
        client.send("{\"action\":\"subscribe\",\"params\":\"" + params + "\"}");
        return client.next(WAIT);
    }

    @Test
    void greetsWithTheConnectedStatus() {
        JsonNode connected = client.next(WAIT);

        assertThat(connected.path("ev").asText()).isEqualTo("status");
        assertThat(connected.path("status").asText()).isEqualTo("connected");
        assertThat(connected.path("protocol").asText()).isEqualTo("tickstock/1");
        assertThat(connected.path("auth").asText()).isEqualTo("none");
    }

    @Test
    void subscribeAndUnsubscribeAckWithTheFullSet() {
        client.next(WAIT);

        JsonNode first = subscribe("high.AAPL,low.*");
        JsonNode second = subscribe("*.TSLA");
        client.send("{\"action\":\"unsubscribe\",\"params\":\"low.*\"}");
        JsonNode third = client.next(WAIT);

        assertThat(first.path("status").asText()).isEqualTo("subscribed");
        assertThat(first.path("subscriptions").toString()).isEqualTo("[\"high.AAPL\",\"low.*\"]");
        assertThat(second.path("subscriptions").toString()).isEqualTo("[\"*.TSLA\",\"high.AAPL\",\"low.*\"]");
        assertThat(third.path("status").asText()).isEqualTo("subscribed");
        assertThat(third.path("subscriptions").toString()).isEqualTo("[\"*.TSLA\",\"high.AAPL\"]");
    }

    @Test
    void eventsArriveBatchedWithCursorAndOnlyWhenSubscribed() {
        client.next(WAIT);
        subscribe("high.AAPL,*.TSLA");
        MarketEvent wanted = event(EventType.HIGH, "AAPL", 190.5);
        MarketEvent otherSymbol = event(EventType.HIGH, "MSFT", 400.0);
        MarketEvent otherType = event(EventType.LOW, "AAPL", 189.0);
        MarketEvent anyType = event(EventType.SURGE, "TSLA", 250.0);

        publish(wanted, otherSymbol, otherType, anyType);

        await().atMost(WAIT).until(() -> client.events().size() >= 2);
        assertThat(client.events()).extracting(node -> node.path("id").asText())
                .containsExactlyInAnyOrder(wanted.id(), anyType.id());
        JsonNode received = client.events().stream()
                .filter(node -> node.path("id").asText().equals(wanted.id())).findFirst().orElseThrow();
        assertThat(received.path("type").asText()).isEqualTo("high");
        assertThat(received.path("price").asDouble()).isEqualTo(190.5);
        assertThat(received.path("source").path("msgId").asText()).isEqualTo(wanted.source().msgId());
        assertThat(received.path("cursor").asText()).matches("\\d+(\\.\\d+)*(~.*)?");
    }

    @Test
    void pingIsAnsweredWithPong() {
        client.next(WAIT);
        client.send("{\"action\":\"ping\"}");

        assertThat(client.next(WAIT).path("ev").asText()).isEqualTo("pong");
    }

    @Test
    void badRequestsGetError400AndChangeNothing() {
        client.next(WAIT);
        subscribe("high.AAPL");

        client.send("not json");
        JsonNode notJson = client.next(WAIT);
        client.send("{\"action\":\"dance\"}");
        JsonNode unknown = client.next(WAIT);
        client.send("{\"action\":\"subscribe\",\"params\":\"high.AAPL,bogus\"}");
        JsonNode badPattern = client.next(WAIT);
        JsonNode stillThere = subscribe("low.MSFT");

        assertThat(notJson.path("ev").asText()).isEqualTo("error");
        assertThat(notJson.path("code").asInt()).isEqualTo(400);
        assertThat(unknown.path("message").asText()).contains("unknown action 'dance'");
        assertThat(badPattern.path("code").asInt()).isEqualTo(400);
        assertThat(badPattern.path("message").asText()).contains("'bogus'");
        assertThat(stillThere.path("subscriptions").toString()).isEqualTo("[\"high.AAPL\",\"low.MSFT\"]");
    }

    @Test
    void theDashboardPageIsServed() {
        RestAssured.get("/").then().statusCode(200).body(Matchers.containsString("/ws/v1"));
    }
}
