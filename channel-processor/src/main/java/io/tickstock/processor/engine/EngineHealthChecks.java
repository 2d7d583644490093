package io.tickstock.processor.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of each engine (SPEC §11). Ready: the engine runs, its state restored. Live: it has not failed; waiting for
 * topics, restoring or rebalancing is not a reason to be restarted.
 */
@ApplicationScoped
public class EngineHealthChecks {

    private static final Set<KafkaStreams.State> FAILED = Set.of(KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_ERROR);
    private static final Set<KafkaStreams.State> STOPPED = Set.of(KafkaStreams.State.PENDING_SHUTDOWN,
            KafkaStreams.State.NOT_RUNNING);

    @Produces
    @Readiness
    HealthCheck tickReady(ChannelEngines engines) {
        return () -> ready(Engine.TICK, engines);
    }

    @Produces
    @Readiness
    HealthCheck ohlcvReady(ChannelEngines engines) {
        return () -> ready(Engine.OHLCV, engines);
    }

    @Produces
    @Liveness
    HealthCheck tickLive(ChannelEngines engines) {
        return () -> live(Engine.TICK, engines);
    }

    @Produces
    @Liveness
    HealthCheck ohlcvLive(ChannelEngines engines) {
        return () -> live(Engine.OHLCV, engines);
    }

    static HealthCheckResponse ready(Engine engine, ChannelEngines engines) {
        KafkaStreams.State state = engines.streams(engine).state();
        return HealthCheckResponse.named("engine " + engine.wireName())
                .status(isReady(state))
                .withData("state", state.name())
                .withData("missingTopics", String.join(",", engines.missingTopics()))
                .build();
    }

    static HealthCheckResponse live(Engine engine, ChannelEngines engines) {
        KafkaStreams.State state = engines.streams(engine).state();
        return HealthCheckResponse.named("engine " + engine.wireName())
                .status(isAlive(state, engines.closing()))
                .withData("state", state.name())
                .build();
    }

    /** Ready: processing, its state restored; not while it waits for topics, restores or rebalances. */
    static boolean isReady(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING;
    }

    /** Alive unless it failed, or stopped without being asked to. */
    static boolean isAlive(KafkaStreams.State state, boolean closing) {
        return !FAILED.contains(state) && !(STOPPED.contains(state) && !closing);
    }
}
