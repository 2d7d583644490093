package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.gateway.resume.Cursor;
import io.tickstock.model.EventType;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/protocol.md, replayed: every {@code session} block against a gateway with auth on (as in prod) and a topic
 * of its own, every cursor example parsed, the JavaScript example run in Node. ({@code session-local} blocks:
 * {@link ProtocolDocLocalTest}.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ProtocolDocTest.Production.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("compatibility")
class ProtocolDocTest extends ConnectedTest {

    static final String TOPIC = "doc-" + UUID.randomUUID() + ".events";

    /** Auth on, with the document's placeholder key as the one valid key. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return GatewayClients.authOnWithTopicOfItsOwn(TOPIC, "YOUR_API_KEY");
        }
    }

    /** First: the sessions' cursors are offsets of this test's topic, which nothing else may write before them. */
    @Test
    @Order(1)
    void everySessionOfTheDocumentHappensAsWritten() {
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
