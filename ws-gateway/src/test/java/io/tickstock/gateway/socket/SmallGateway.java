package io.tickstock.gateway.socket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A gateway sized for three clients, with a small queue budget, short frames and a short resume window, so that
 * tests meet each limit with a handful of events.
 */
public class SmallGateway implements QuarkusTestProfile {

    static final int MAX_CLIENTS = 3;
    static final int QUEUE_BUDGET = 600;
    static final int RESUME_WINDOW = 5;
    static final int MAX_FRAME_BYTES = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tickstock.gateway.max-clients", Integer.toString(MAX_CLIENTS),
                "tickstock.gateway.max-queued-events", Integer.toString(QUEUE_BUDGET),
                "tickstock.gateway.resume-window", Integer.toString(RESUME_WINDOW),
                "tickstock.gateway.max-frame-bytes", "1000000");
    }
}
