package io.tickstock.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.tickstock.gateway.auth.TokenVerifier;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestTopics;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** What the gateway's service tests share: waiting for readiness, connecting, subscribing, unique symbols. */
public final class GatewayClients {

    /** Generous: the build machine runs other builds beside the tests. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private GatewayClients() {
    }

    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
    }

    /**
     * The configuration of a gateway with auth on, as in prod, accepting {@code apiKey}, reading a new topic of its
     * own (so no other test class's events or offsets mix in); a test profile adds its own keys.
     */
    public static Map<String, String> authOnWithTopicOfItsOwn(String topic, String apiKey) {
        TestTopics.create(KafkaTestResource.PARTITIONS, List.of(topic));
        return Map.of(
                "tickstock.gateway.events-topic", topic,
                "tickstock.gateway.auth.enabled", "true",
                "tickstock.gateway.auth.api-key-sha256", TokenVerifier.sha256(apiKey));
    }

    /** Connects and takes the {@code connected} status. */
    public static WsTestClient connect(URI endpoint) {
        WsTestClient client = WsTestClient.connect(endpoint);
        assertThat(client.next("status", WAIT).path("status").asText()).isEqualTo("connected");
        return client;
    }

    /** Subscribes and returns the ack. */
    public static JsonNode subscribe(WsTestClient client, String params) {
        client.send("{\"action\":\"subscribe\",\"params\":\"" + params + "\"}");
        return client.next("status", WAIT);
    }

    /** A symbol no other test uses (SPEC §3 symbols: up to 16 of A-Z 0-9 . - :). */
    public static String symbol(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** Clients the gateway counts as connected, from its dashboard numbers. */
    public static int clientCount() {
        return RestAssured.get("/api/stats").jsonPath().getInt("clients");
    }

    /** The sum of the Prometheus samples named exactly {@code series} (name and labels), 0 when absent. */
    public static double metric(String series) {
        return RestAssured.get("/q/metrics").asString().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).sum();
    }

    public static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asText()).toList();
    }
}
