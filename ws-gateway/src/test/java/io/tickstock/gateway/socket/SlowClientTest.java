package io.tickstock.gateway.socket;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.metric;
import static io.tickstock.gateway.GatewayClients.subscribe;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One client stops reading while others take the same firehose (SPEC §8): the others get every event in per-symbol
 * order; the stalled one has P3 shed, then P2 conflated, then gets 407 and is closed.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(TightLimits.class)
class SlowClientTest extends ConnectedTest {

    private static final int ROUND = 400;
    private static final int MAX_ROUNDS = 150;

    private WsTestClient connectAndSubscribe(String params) {
        WsTestClient client = connect();
        subscribe(client, params);
        return client;
    }

    @Test
    void aStalledClientIsShedThenConflatedThenClosedWhileTheOthersMissNothing() {
        String[] symbols = {symbol("W"), symbol("X"), symbol("Y"), symbol("Z")};
        String params = String.join(",", List.of("*." + symbols[0], "*." + symbols[1], "*." + symbols[2],
                "*." + symbols[3]));
        List<WsTestClient> fast = List.of(connectAndSubscribe(params), connectAndSubscribe(params),
                connectAndSubscribe(params));
        WsTestClient slow = connectAndSubscribe(params);
        slow.stopReading();
        double slowClosesBefore = metric("tickstock_gateway_slow_closes_total");

        Map<String, List<String>> published = new HashMap<>();
        long seq = 0;
        for (int round = 0; round < MAX_ROUNDS
                && metric("tickstock_gateway_slow_closes_total") == slowClosesBefore; round++) {
            List<MarketEvent> events = new ArrayList<>();
            for (int i = 0; i < ROUND; i++, seq++) {
                String symbol = symbols[(int) (seq % symbols.length)];
                // a P3 FMV, a P2 trend (few keys: conflatable), a P1 high, in turn
                MarketEvent event = switch ((int) (seq % 3)) {
                    case 0 -> TestEvents.event(EventType.FMV_DEVIATION, symbol, 3, seq);
                    case 1 -> TestEvents.event(EventType.TREND, symbol, 2, seq);
                    default -> TestEvents.event(EventType.HIGH, symbol, 1, seq);
                };
                events.add(event);
                published.computeIfAbsent(symbol, s -> new ArrayList<>()).add(event.id());
            }
            TestEvents.publish(Topics.EVENTS, events);
            // the others keep up (that is what makes them the others): the next round starts once they have this one
            long sent = seq;
            await().atMost(Duration.ofSeconds(120)).until(() -> fast.stream().allMatch(c -> c.events().size() >= sent));
        }
        long total = seq;

        assertThat(metric("tickstock_gateway_slow_closes_total")).as("the stalled client was closed")
                .isGreaterThan(slowClosesBefore);
        for (WsTestClient client : fast) {
            Map<String, List<String>> received = new HashMap<>();
            for (JsonNode event : client.events()) {
                received.computeIfAbsent(event.path("symbol").asText(), s -> new ArrayList<>())
                        .add(event.path("id").asText());
            }
            assertThat(received).as("every event, per symbol in published order").isEqualTo(published);
            assertThat(client.closed()).isFalse();
        }
        assertThat(metric("tickstock_gateway_shed_total{priority=\"3\"}")).isPositive();
        assertThat(metric("tickstock_gateway_conflated_total{priority=\"2\"}")).isPositive();

        slow.resumeReading();
        JsonNode closing = slow.next("error", Duration.ofSeconds(60));
        assertThat(closing.path("code").asInt()).isEqualTo(407);
        assertThat(closing.path("message").asText()).containsPattern("[1-9][0-9]* shed, [1-9][0-9]* conflated");
        await().atMost(WAIT).until(slow::closed);
        assertThat(slow.closeCode()).isEqualTo(4407);
        assertThat(slow.events().size()).isLessThan((int) total);
    }
}
