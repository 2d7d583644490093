package io.tickstock.gateway.socket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Small queues, so a stalled client meets the slow-client policy after a few thousand events. */
public class TightLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tickstock.gateway.queue-capacity", "1000",
                "tickstock.gateway.max-frame-events", "100",
                "tickstock.gateway.close-timeout", "2s");
    }
}
