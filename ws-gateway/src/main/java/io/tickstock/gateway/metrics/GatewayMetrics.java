package io.tickstock.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickstock.gateway.queue.Cursor;
import io.tickstock.gateway.socket.ErrorCode;
import io.tickstock.model.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jakarta.inject.Singleton;

/** The gateway's own meters, named as the metric contract in docs/operations.md says. */
@Singleton
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Counter[] sent = new Counter[Cursor.PRIORITIES];
    private final Counter[] shed = new Counter[Cursor.PRIORITIES];
    private final Counter[] conflated = new Counter[Cursor.PRIORITIES];
    private final Map<Channel, Timer> latency = new EnumMap<>(Channel.class);
    private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);
    private final Counter slowCloses;
    private final Counter refusedFull;
    private final Counter resumesRecovered;
    private final Counter resumesNotRecovered;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            String tag = Integer.toString(priority);
            sent[priority] = registry.counter("tickstock.gateway.sent", "priority", tag);
            shed[priority] = registry.counter("tickstock.gateway.shed", "priority", tag);
            conflated[priority] = registry.counter("tickstock.gateway.conflated", "priority", tag);
        }
        for (Channel channel : Channel.values()) {
            latency.put(channel, Timer.builder("tickstock.gateway.latency")
                    .description("ingestTs to written to the client's socket")
                    .tag("channel", channel.wireName())
                    .publishPercentiles(0.5, 0.99)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, registry.counter("tickstock.gateway.errors", "code", Integer.toString(code.code())));
        }
        slowCloses = registry.counter("tickstock.gateway.slow.closes");
        refusedFull = registry.counter("tickstock.gateway.refused.full");
        resumesRecovered = registry.counter("tickstock.gateway.resumes", "recovered", "true");
        resumesNotRecovered = registry.counter("tickstock.gateway.resumes", "recovered", "false");
    }

    /** Registers a gauge read from {@code value} whenever metrics are scraped. */
    public void gauge(String name, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).register(registry);
    }

    /** An event fully written to a client's socket at {@code now} (epoch ms), ingested at {@code ingestTs}. */
    public void sent(int priority, Channel channel, long ingestTs, long now) {
        sent[priority].increment();
        if (ingestTs > 0 && channel != null) {
            latency.get(channel).record(Math.max(0, now - ingestTs), TimeUnit.MILLISECONDS);
        }
    }

    public void shed(int priority) {
        shed[priority].increment();
    }

    public void conflated(int priority) {
        conflated[priority].increment();
    }

    public void error(ErrorCode code) {
        errors.get(code).increment();
        if (code == ErrorCode.SLOW_CLIENT) {
            slowCloses.increment();
        }
    }

    public void refusedFull() {
        refusedFull.increment();
    }

    public void resumed(boolean recovered) {
        (recovered ? resumesRecovered : resumesNotRecovered).increment();
    }

    public double sentTotal() {
        double total = 0;
        for (Counter counter : sent) {
            total += counter.count();
        }
        return total;
    }
}
