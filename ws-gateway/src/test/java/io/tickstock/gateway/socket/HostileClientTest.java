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
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients all at once (oversized frames, floods, garbage, 10,000 subscriptions, binary frames) while a
 * well-behaved client takes a stream of events: each hostile one gets its error, the good one every event, in order.
 * (Half-open connections: {@code ConnectionTimersTest}, which runs with short timers.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileClientTest extends ConnectedTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stopAttacks() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<JsonNode> attack(Function<WsTestClient, JsonNode> attack) {
        return CompletableFuture.supplyAsync(() -> attack.apply(connect()), pool);
    }

    @Test
    void everyHostileClientGetsItsErrorWhileAWellBehavedOneMissesNothing() {
        String sym = symbol("H");
        WsTestClient good = connect();
        subscribe(good, "*." + sym);

        CompletableFuture<JsonNode> oversized = attack(client -> {
            client.send("[" + "\"x\",".repeat(50_000) + "0]");
            return client.next("error", WAIT);
        });
        CompletableFuture<JsonNode> flood = attack(client -> {
            for (int i = 0; i < 500; i++) {
                client.send("{\"action\":\"subscribe\",\"params\":\"high.F" + i + "\"}");
            }
            return client.next("error", WAIT);
        });
        CompletableFuture<JsonNode> garbage = attack(client -> {
            byte[] noise = new byte[256];
            new Random(7).nextBytes(noise);
            client.send(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1));
            return client.next("error", WAIT);
        });
        CompletableFuture<JsonNode> tenThousand = attack(client -> {
            JsonNode answer = null;
            for (int batch = 0; batch < 20 && (answer == null || answer.path("ev").asText().equals("status"));
                    batch++) {
                StringBuilder params = new StringBuilder();
                for (int i = 0; i < 500; i++) {
                    params.append(i == 0 ? "" : ",").append("*.X").append(batch * 500 + i);
                }
                client.send("{\"action\":\"subscribe\",\"params\":\"" + params + "\"}");
                answer = client.next(WAIT);
            }
            return answer;
        });
        CompletableFuture<JsonNode> binary = attack(client -> {
            client.sendBinary(new byte[4096]);
            return client.next("error", WAIT);
        });
        List<MarketEvent> stream = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stream.add(TestEvents.event(EventType.HIGH, sym, 1, i));
        }
        TestEvents.publish(Topics.EVENTS, stream);

        assertThat(oversized.join().path("code").asInt()).isEqualTo(413);
        assertThat(flood.join().path("code").asInt()).isEqualTo(429);
        assertThat(garbage.join().path("code").asInt()).isEqualTo(400);
        assertThat(tenThousand.join().path("code").asInt()).isEqualTo(405);
        assertThat(binary.join().path("code").asInt()).isEqualTo(400);
        await().atMost(WAIT).until(() -> good.events().size() >= stream.size());
        assertThat(ids(good.events())).containsExactlyElementsOf(stream.stream().map(MarketEvent::id).toList());
        assertThat(good.closed()).isFalse();
    }
}
