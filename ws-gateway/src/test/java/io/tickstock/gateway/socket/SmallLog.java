package io.tickstock.gateway.socket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A log of recent events of a few hundred, so a client that stops reading falls out of it with a burst a test can
 * publish; a short client timeout (and heartbeats, whose pongs keep reading clients alive, well within it), so one
 * that never reads again is closed within seconds.
 */
public class SmallLog implements QuarkusTestProfile {

    static final int RECENT_EVENTS = 300;
    static final int SLOW_BACKLOG = 200;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tickstock.gateway.recent-events", Integer.toString(RECENT_EVENTS),
                "tickstock.gateway.slow-backlog", Integer.toString(SLOW_BACKLOG),
                "tickstock.gateway.max-frame-events", "100",
                "tickstock.gateway.heartbeat-interval", "2s",
                "tickstock.gateway.client-timeout", "8s",
                "tickstock.gateway.close-timeout", "2s");
    }
}
