package io.tickstock.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.Channel;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The gateway's own meters, named as the metric contract in docs/operations.md says. */
@Singleton
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Counter[] sent = new Counter[OutgoingEvent.PRIORITIES];
    private final Counter[] shed = new Counter[OutgoingEvent.PRIORITIES];
    private final Counter[] conflated = new Counter[OutgoingEvent.PRIORITIES];
    private final Map<Channel, Timer> latency = new EnumMap<>(Channel.class);
    private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();
    private final Counter slowCloses;
    private final Counter refusedFull;
    private final Counter resumesRecovered;
    private final Counter resumesNotRecovered;
    private final Counter topicReads;
    private final Counter topicEvents;
    private final Counter frames;
    private final DeliveryCost cost;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (int priority = 0; priority < OutgoingEvent.PRIORITIES; priority++) {
            String tag = Integer.toString(priority);
            sent[priority] = registry.counter("tickstock.gateway.sent", "priority", tag);
            shed[priority] = registry.counter("tickstock.gateway.shed", "priority", tag);
            conflated[priority] = registry.counter("tickstock.gateway.conflated", "priority", tag);
        }
        for (Channel channel : Channel.values()) {
            latency.put(channel, Timer.builder("tickstock.gateway.latency")
                    .description("ingestTs to written to the client's socket")
                    .tag("channel", channel.wireName())
                    // buckets only: client-side percentiles cost a lock and a histogram per delivery (15 % of the
                    // gateway's CPU in the fan-out profile); Prometheus computes them from the buckets
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
        slowCloses = registry.counter("tickstock.gateway.slow.closes");
        refusedFull = registry.counter("tickstock.gateway.refused.full");
        resumesRecovered = registry.counter("tickstock.gateway.resumes", "recovered", "true");
        resumesNotRecovered = registry.counter("tickstock.gateway.resumes", "recovered", "false");
        topicReads = registry.counter("tickstock.gateway.topic.reads");
        topicEvents = registry.counter("tickstock.gateway.topic.events");
        frames = registry.counter("tickstock.gateway.frames");
        cost = new DeliveryCost(this::sentTotal);
        FunctionCounter.builder("tickstock.gateway.cpu.seconds", cost, DeliveryCost::cpuSeconds)
                .description("the gateway process's CPU time (user + system)")
                .register(registry);
        FunctionCounter.builder("tickstock.gateway.compiler.cpu.seconds", this, ignored -> CompilerTime.cpuSeconds())
                .description("of the gateway's CPU time, its JIT compiler threads' (a fresh JVM warming up)")
                .register(registry);
        gauge("tickstock.gateway.deliveries.per.cpu.second", cost::perCpuSecond);
    }

    /** Registers a gauge read from {@code value} whenever metrics are scraped. */
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }

    /** A frame of {@code events} fully written to a client's socket at {@code now} (epoch ms). */
    public void sent(List<OutgoingEvent> events, long now) {
        if (!events.isEmpty()) {
            frames.increment();
        }
        int[] perPriority = new int[OutgoingEvent.PRIORITIES];
        for (OutgoingEvent event : events) {
            perPriority[event.priorityClass()]++;
            if (event.ingestTs() > 0 && event.channel() != null) {
                latency.get(event.channel()).record(Math.max(0, now - event.ingestTs()), TimeUnit.MILLISECONDS);
            }
        }
        for (int priority = 0; priority < perPriority.length; priority++) {
            if (perPriority[priority] > 0) {
                sent[priority].increment(perPriority[priority]);
            }
        }
    }

    public void shed(int priority) {
        shed[priority].increment();
    }

    public void conflated(int priority) {
        conflated[priority].increment();
    }

    /** The error codes of the protocol, counted from 0 so that every series exists before its first error. */
    public void errorCodes(List<Integer> codes) {
        codes.forEach(this::errorCounter);
    }

    /** A protocol error sent to a client ({@code slow}: a 407, which closes it for being too slow or silent). */
    public void error(int code, boolean slow) {
        errorCounter(code).increment();
        if (slow) {
            slowCloses.increment();
        }
    }

    public void refusedFull() {
        refusedFull.increment();
    }

    public void resumed(boolean recovered) {
        (recovered ? resumesRecovered : resumesNotRecovered).increment();
    }

    private Counter errorCounter(int code) {
        return errors.computeIfAbsent(code, c -> registry.counter("tickstock.gateway.errors", "code",
                Integer.toString(c)));
    }

    /** A turn of a client the log did not cover: one read of the events topic, bringing {@code events}. */
    public void topicRead(int events) {
        topicReads.increment();
        topicEvents.increment(events);
    }

    /** Events written to clients so far (one per event per client): the gateway's deliveries. */
    public double sentTotal() {
        double total = 0;
        for (Counter counter : sent) {
            total += counter.count();
        }
        return total;
    }
}
