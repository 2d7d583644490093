package io.tickstock.gateway.socket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A gateway sized for three clients, with a small wire budget and a short resume window, so that tests meet each
 * limit with a handful of events.
 */
public class SmallGateway implements QuarkusTestProfile {

    static final int MAX_CLIENTS = 3;
    static final int RESUME_WINDOW = 5;
    static final int MAX_FRAME_BYTES = 65_536;
    /** Frames on the wire for all three together: with three connected, each frame gets a third of it. */
    static final int WIRE_BUDGET = 98_304;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tickstock.gateway.max-clients", Integer.toString(MAX_CLIENTS),
                "tickstock.gateway.resume-window", Integer.toString(RESUME_WINDOW),
                "tickstock.gateway.max-frame-bytes", Integer.toString(MAX_FRAME_BYTES),
                "tickstock.gateway.max-wire-bytes", Integer.toString(WIRE_BUDGET));
    }
}
