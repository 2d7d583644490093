package io.tickstock.processor.engine;

import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without its broker the processor says not-ready (SPEC §11, through §10's broker restart), by a check of the broker
 * connection of its own: its engines stay RUNNING through an outage, retrying, so their checks alone kept saying
 * ready (found by `chaos all`).
 */
@QuarkusTest
@TestProfile(BrokerReadinessTest.NoBroker.class)
class BrokerReadinessTest {

    /** A bootstrap address nothing listens on. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "kafka-streams.state.dir", "target/no-broker-state");
        }
    }

    @Test
    void theBrokerConnectionCheckSaysDownWhenTheBrokerCannotBeReached() {
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("checks.findAll { it.name == 'broker' }.status", hasItem("DOWN"));
    }
}
