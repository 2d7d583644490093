package io.tickstock.gateway.socket;

import io.tickstock.gateway.GatewayConfig;
import java.time.Duration;

/** The per-connection limits and timers, read from configuration once rather than per event. */
public record SessionSettings(
        boolean authRequired,
        long authTimeoutNanos,
        int queueCapacity,
        int maxFrameEvents,
        int maxControlFrames,
        int resumeWindow,
        int maxMessagesPerSecond,
        int maxMessageBurst,
        long heartbeatNanos,
        long clientTimeoutNanos,
        long closeTimeoutNanos) {

    /** Frames of acks, errors and heartbeats one client may have waiting before it counts as slow. */
    static final int MAX_CONTROL_FRAMES = 256;

    public static SessionSettings of(GatewayConfig config) {
        return new SessionSettings(
                config.auth().enabled(),
                nanos(config.auth().timeout()),
                config.queueCapacity(),
                config.maxFrameEvents(),
                MAX_CONTROL_FRAMES,
                config.resumeWindow(),
                config.maxMessagesPerSecond(),
                config.maxMessageBurst(),
                nanos(config.heartbeatInterval()),
                nanos(config.clientTimeout()),
                nanos(config.closeTimeout()));
    }

    private static long nanos(Duration duration) {
        return duration.toNanos();
    }
}
