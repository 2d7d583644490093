package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code session-local} blocks of docs/protocol.md, against a gateway in the local profile (no auth). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class ProtocolDocLocalTest extends ConnectedTest {

    @Test
    void everyLocalSessionOfTheDocumentHappensAsWritten() {
        List<String> sessions = DocSessions.blocks("session-local");
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(2);
        DocSessions replay = new DocSessions(base, Topics.EVENTS);
        sessions.forEach(replay::replay);
    }
}
