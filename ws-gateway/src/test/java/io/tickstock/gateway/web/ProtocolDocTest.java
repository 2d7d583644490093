package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.gateway.queue.Cursor;
import io.tickstock.model.EventType;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.TestTopics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md, replayed: every {@code session} block against a gateway with auth on (as in prod) and a topic
 * of its own, every cursor example parsed, the JavaScript example run in Node. ({@code session-local} blocks:
 * {@link ProtocolDocLocalTest}.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ProtocolDocTest.Production.class)
class ProtocolDocTest {

    static final String TOPIC = "doc-" + UUID.randomUUID() + ".events";

    /** Auth on, with the document's placeholder key as the one valid key. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestTopics.create(KafkaTestResource.PARTITIONS, List.of(TOPIC));
            return Map.of(
                    "tickstock.gateway.events-topic", TOPIC,
                    "tickstock.gateway.auth.enabled", "true",
                    "tickstock.gateway.auth.api-key-sha256", sha256("YOUR_API_KEY"));
        }
    }

    @TestHTTPResource("/")
    URI base;

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySessionOfTheDocumentHappensAsWritten() {
        GatewayClients.awaitReady();
        List<String> sessions = DocSessions.blocks("session");
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(3);
        DocSessions replay = new DocSessions(base, TOPIC);
        sessions.forEach(replay::replay);
    }

    @Test
    void everyCursorExampleIsACursor() {
        List<String> examples = DocSessions.blocks("cursors").stream().flatMap(String::lines).toList();

        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        examples.forEach(example -> assertThat(Cursor.parse(example)).hasToString(example));
    }

    @Test
    void theJavaScriptExampleRunsAsWritten() throws Exception {
        GatewayClients.awaitReady();
        List<String> examples = DocSessions.blocks("js");
        assertThat(examples).hasSize(1);
        Path script = Path.of("target/doc-example.js").toAbsolutePath();
        Files.writeString(script, examples.get(0));
        String symbol = GatewayClients.symbol("J");
        try (NodeScript node = NodeScript.start("doc-example.mjs", script.toString(),
                base.resolve("/ws/v1").toString().replaceFirst("^http", "ws"))) {
            node.await("status subscribed", Duration.ofSeconds(60));
            TestEvents.publish(TOPIC, TestEvents.event(EventType.HIGH, symbol, 1, 7));

            assertThat(node.await("high " + symbol, Duration.ofSeconds(60))).isEqualTo("100.07");
        }
    }
}
