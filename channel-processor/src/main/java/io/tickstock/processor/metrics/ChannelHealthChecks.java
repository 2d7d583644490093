package io.tickstock.processor.metrics;

import io.tickstock.model.Channel;
import io.tickstock.processor.ProcessorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per channel (SPEC §11). Kafka Streams' own check says whether the engine runs; these say
 * whether each channel still does its work: a channel whose last records all went to the dead-letter topic is
 * DOWN while the others stay UP.
 */
@ApplicationScoped
public class ChannelHealthChecks {

    @Produces
    @Readiness
    HealthCheck tick(ProcessorMetrics metrics, ProcessorConfig config) {
        return check(Channel.TICK, metrics, config);
    }

    @Produces
    @Readiness
    HealthCheck ohlcv(ProcessorMetrics metrics, ProcessorConfig config) {
        return check(Channel.OHLCV, metrics, config);
    }

    @Produces
    @Readiness
    HealthCheck fmv(ProcessorMetrics metrics, ProcessorConfig config) {
        return check(Channel.FMV, metrics, config);
    }

    static HealthCheck check(Channel channel, ProcessorMetrics metrics, ProcessorConfig config) {
        int limit = config.health().failingAfterDeadLetters();
        return () -> {
            int inARow = metrics.of(channel).deadLettersInARow();
            return HealthCheckResponse.named("channel " + channel.wireName())
                    .status(inARow < limit)
                    .withData("deadLettersInARow", inARow)
                    .build();
        };
    }
}
