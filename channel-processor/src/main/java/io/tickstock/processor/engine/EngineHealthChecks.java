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
        Set<String> missing = engines.missingTopics();
        return HealthCheckResponse.named("engine " + engine.wireName())
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name())
                .withData("missingTopics", String.join(",", missing))
                .build();
    }

    static HealthCheckResponse live(Engine engine, ChannelEngines engines) {
        KafkaStreams.State state = engines.streams(engine).state();
        boolean failed = FAILED.contains(state) || STOPPED.contains(state) && !engines.closing();
        return HealthCheckResponse.named("engine " + engine.wireName())
                .status(!failed)
                .withData("state", state.name())
                .build();
    }
}
