package io.tickstock.gateway.compat;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.subscribe;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The compatibility view for dashboards of the older linear system: symbols in, one-second batches out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class StockDataEndpointTest extends ConnectedTest {

    private WsTestClient client;

    @BeforeEach
    void connectToTheView() {
        client = connect("/ws/v1/stock_data");
    }

    private static MarketEvent event(EventType type, String symbol, Direction direction) {
        MarketEvent e = TestEvents.event(type, symbol, 1, 1);
        return new MarketEvent(e.v(), e.id(), e.type(), e.symbol(), direction, e.price(), e.priority(), e.channel(),
                e.eventTime(), e.detectedAt(), e.details(), e.source());
    }

    /** Every "symbol:id" of a list in the batches received so far. */
    private Set<String> listed(String... path) {
        Set<String> entries = new HashSet<>();
        for (JsonNode batch : client.received()) {
            if (!batch.path("ev").asText().equals("stock_data")) {
                continue;
            }
            JsonNode list = batch;
            for (String step : path) {
                list = list.path(step);
            }
            list.forEach(item -> entries.add(item.path("symbol").asText() + ":" + item.path("id").asText()));
        }
        return entries;
    }

    @Test
    void symbolsSubscribeToTheFourTypesTheOlderDashboardShowsBatchedEverySecond() {
        String a = symbol("C");
        String b = symbol("D");
        JsonNode ack = subscribe(client, a + "," + b);
        MarketEvent high = event(EventType.HIGH, a, Direction.UP);
        MarketEvent low = event(EventType.LOW, b, Direction.DOWN);
        MarketEvent trendUp = event(EventType.TREND, a, Direction.UP);
        MarketEvent surgeDown = event(EventType.SURGE, b, Direction.DOWN);
        MarketEvent notShown = event(EventType.VOLUME_SPIKE, a, Direction.UP);
        MarketEvent otherSymbol = event(EventType.HIGH, symbol("E"), Direction.UP);

        TestEvents.publish(Topics.EVENTS, high, low, trendUp, surgeDown, notShown, otherSymbol);

        assertThat(ack.path("subscriptions")).hasSize(2);
        assertThat(ack.path("subscriptions").toString()).contains(a).contains(b);
        await().atMost(WAIT).until(() -> listed("surging", "down").size() == 1 && listed("highs").size() == 1
                && listed("lows").size() == 1 && listed("trending", "up").size() == 1);
        assertThat(listed("highs")).containsExactly(a + ":" + high.id());
        assertThat(listed("lows")).containsExactly(b + ":" + low.id());
        assertThat(listed("trending", "up")).containsExactly(a + ":" + trendUp.id());
        assertThat(listed("trending", "down")).isEmpty();
        assertThat(listed("surging", "down")).containsExactly(b + ":" + surgeDown.id());
        assertThat(listed("surging", "up")).isEmpty();
        JsonNode batch = client.next("stock_data", WAIT);
        assertThat(batch.has("highs") && batch.has("lows") && batch.path("trending").has("up")
                && batch.path("surging").has("down")).isTrue();
    }

    @Test
    void theViewHasNoCursorsToResumeFrom() {
        subscribe(client, "*");
        client.send("{\"action\":\"resume\",\"params\":\"0.0.0\"}");

        JsonNode error = client.next("error", WAIT);

        assertThat(error.path("code").asInt()).isEqualTo(400);
        assertThat(error.path("message").asText()).contains("resume on /ws/v1");
    }
}
