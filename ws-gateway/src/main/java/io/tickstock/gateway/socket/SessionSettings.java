package io.tickstock.gateway.socket;

import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.resume.Delivery;
import java.time.Duration;

/** The per-connection limits and timers, read from configuration once rather than per event. */
public record SessionSettings(
        boolean authRequired,
        long authTimeoutNanos,
        int maxControlFrames,
        Delivery.Limits delivery,
        long maxLag,
        int maxMessagesPerSecond,
        int maxMessageBurst,
        long heartbeatNanos,
        long clientTimeoutNanos,
        long closeTimeoutNanos,
        long snapshotHoldNanos) {

    /** Frames of acks, errors and heartbeats one client may have waiting before it counts as slow. */
    static final int MAX_CONTROL_FRAMES = 256;

    public static SessionSettings of(GatewayConfig config) {
        return new SessionSettings(
                config.auth().enabled(),
                nanos(config.auth().timeout()),
                MAX_CONTROL_FRAMES,
                new Delivery.Limits(config.maxFrameEvents(), config.resumeWindow(), config.slowBacklog()),
                config.maxLag(),
                config.maxMessagesPerSecond(),
                config.maxMessageBurst(),
                nanos(config.heartbeatInterval()),
                nanos(config.clientTimeout()),
                nanos(config.closeTimeout()),
                nanos(config.snapshotHold()));
    }

    private static long nanos(Duration duration) {
        return duration.toNanos();
    }
}
