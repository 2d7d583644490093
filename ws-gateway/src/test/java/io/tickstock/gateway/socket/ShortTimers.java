package io.tickstock.gateway.socket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Short heartbeat and liveness timers, so silent clients are found within seconds. */
public class ShortTimers implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tickstock.gateway.heartbeat-interval", "1s",
                "tickstock.gateway.client-timeout", "4s",
                "tickstock.gateway.close-timeout", "2s");
    }
}
