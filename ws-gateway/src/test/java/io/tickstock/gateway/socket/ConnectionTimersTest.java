package io.tickstock.gateway.socket;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Heartbeats, and what becomes of a connection whose client went silent without closing (half-open). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ShortTimers.class)
class ConnectionTimersTest extends ConnectedTest {

    @Test
    void aHeartbeatCarriesTheServerTimeAndAClientThatAnswersPingsStaysConnected() {
        WsTestClient client = connect();
        long before = System.currentTimeMillis();

        JsonNode first = client.next("heartbeat", WAIT);
        for (int i = 0; i < 5; i++) {
            client.next("heartbeat", WAIT);
        }

        assertThat(first.path("t").asLong()).isBetween(before - 1000, System.currentTimeMillis());
        assertThat(client.closed()).as("pongs (answered by the JDK client) keep it alive past 4 s").isFalse();
    }

    @Test
    void aHalfOpenClientThatNeitherReadsNorAnswersIsClosedWith407AndOthersCarryOn() {
        String slowCloses = "tickstock_gateway_errors_total{code=\"407\"}";
        double before = GatewayClients.metric(slowCloses);
        WsTestClient silent = connect();
        WsTestClient alive = connect();
        silent.stopReading();

        await().atMost(Duration.ofSeconds(60)).until(() -> GatewayClients.metric(slowCloses) > before);
        silent.resumeReading();

        JsonNode error = silent.next("error", WAIT);
        assertThat(error.path("code").asInt()).isEqualTo(407);
        assertThat(error.path("message").asText()).contains("no message or pong for 4 s");
        await().atMost(WAIT).until(silent::closed);
        assertThat(silent.closeCode()).isEqualTo(4407);
        alive.send("{\"action\":\"ping\"}");
        assertThat(alive.next("pong", WAIT).path("ev").asText()).isEqualTo("pong");
    }
}
