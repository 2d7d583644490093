package io.tickstock.gateway.auth;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.TestTopics;
import io.tickstock.testsupport.WsTestClient;
import java.net.http.WebSocketHandshakeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The production profile's auth (SPEC §8, §10): nothing reaches a client before it proves who it is. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(AuthTest.Production.class)
@Tag("compatibility")
class AuthTest extends ConnectedTest {

    static final String API_KEY = "test-api-key-7f3a";
    static final String TOPIC = "auth-" + UUID.randomUUID() + ".events";

    /** Auth on, as in prod, with a short timeout so the test need not wait 10 s; its own events topic. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(GatewayClients.authOnWithTopicOfItsOwn(TOPIC, API_KEY));
            config.put("tickstock.gateway.auth.timeout", "2s");
            config.put("tickstock.gateway.auth.jwt.secret", TokenVerifierTest.SECRET);
            config.put("tickstock.gateway.auth.jwt.issuer", "idp");
            config.put("tickstock.gateway.allowed-origins", "https://desk.example.com");
            return config;
        }
    }

    private WsTestClient connectUnauthenticated() {
        WsTestClient client = track(WsTestClient.connect(endpoint("/ws/v1")));
        JsonNode connected = client.next(WAIT);
        assertThat(connected.path("auth").asText()).isEqualTo("required");
        return client;
    }

    private static JsonNode send(WsTestClient client, String request) {
        client.send(request);
        return client.next(WAIT);
    }

    private static JsonNode auth(WsTestClient client, String token) {
        return send(client, "{\"action\":\"auth\",\"params\":\"" + token + "\"}");
    }

    @Test
    void beforeAuthEveryActionGets401AndNoEventArrives() {
        String sym = symbol("U");
        WsTestClient client = connectUnauthenticated();

        JsonNode subscribe = send(client, "{\"action\":\"subscribe\",\"params\":\"*." + sym + "\"}");
        JsonNode ping = send(client, "{\"action\":\"ping\"}");
        JsonNode resume = send(client, "{\"action\":\"resume\",\"params\":\"0.0.0\"}");
        WsTestClient authorized = connectUnauthenticated();
        auth(authorized, API_KEY);
        send(authorized, "{\"action\":\"subscribe\",\"params\":\"*." + sym + "\"}");
        MarketEvent event = TestEvents.event(EventType.HIGH, sym, 1, 1);
        TestEvents.publish(TOPIC, event);

        for (JsonNode refused : List.of(subscribe, ping, resume)) {
            assertThat(refused.path("code").asInt()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.path("message").asText()).contains("authenticate first");
        }
        await().atMost(WAIT).until(() -> authorized.events().size() == 1);
        assertThat(client.events()).as("the unauthenticated client got no event").isEmpty();
    }

    @Test
    void aValidApiKeyAuthenticatesAndEventsFlow() {
        String sym = symbol("K");
        WsTestClient client = connectUnauthenticated();

        assertThat(auth(client, API_KEY).toString()).isEqualTo("{\"ev\":\"status\",\"status\":\"auth_success\"}");
        send(client, "{\"action\":\"subscribe\",\"params\":\"high." + sym + "\"}");
        TestEvents.publish(TOPIC, TestEvents.event(EventType.HIGH, sym, 1, 1));
        await().atMost(WAIT).until(() -> client.events().size() == 1);
    }

    @Test
    void aValidJwtAuthenticatesAndTheConnectionClosesWhenItExpires() {
        WsTestClient client = connectUnauthenticated();

        String token = TokenVerifierTest.jwt(new HmacKey(TokenVerifierTest.SECRET.getBytes()),
                AlgorithmIdentifiers.HMAC_SHA256, 3, "idp");
        assertThat(auth(client, token).path("status").asText()).isEqualTo("auth_success");
        JsonNode expired = client.next("error", WAIT);

        assertThat(expired.path("code").asInt()).isEqualTo(402);
        assertThat(expired.path("message").asText()).contains("token expired");
        await().atMost(WAIT).until(client::closed);
        assertThat(client.closeCode()).isEqualTo(4402);
    }

    @Test
    void badMissingAndExpiredTokensGet402ThenClose() {
        String expiredJwt = TokenVerifierTest.hs256(-120);
        for (String token : List.of("wrong-key", "", expiredJwt)) {
            WsTestClient client = connectUnauthenticated();

            JsonNode refused = auth(client, token);

            assertThat(refused.path("code").asInt()).as(token).isEqualTo(402);
            await().atMost(WAIT).until(client::closed);
            assertThat(client.closeCode()).isEqualTo(4402);
        }
    }

    @Test
    void noAuthWithinTheTimeoutGets404ThenClose() {
        WsTestClient client = connectUnauthenticated();

        JsonNode timeout = client.next("error", WAIT);

        assertThat(timeout.path("code").asInt()).isEqualTo(404);
        assertThat(timeout.path("message").asText()).contains("no auth within 2 s");
        await().atMost(WAIT).until(client::closed);
        assertThat(client.closeCode()).isEqualTo(4404);
    }

    @Test
    void browsersFromOriginsNotOnTheAllowListAreRefusedAtTheUpgrade() {
        WsTestClient allowed = track(WsTestClient.connect(endpoint("/ws/v1"),
                Map.of("Origin", "https://desk.example.com")));
        assertThat(allowed.next(WAIT).path("status").asText()).isEqualTo("connected");

        assertThatThrownBy(() -> WsTestClient.connect(endpoint("/ws/v1"), Map.of("Origin", "https://evil.example.net")))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }
}
