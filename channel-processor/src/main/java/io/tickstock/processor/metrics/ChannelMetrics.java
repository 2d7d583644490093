package io.tickstock.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickstock.model.Channel;
import io.tickstock.model.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One channel's meters of SPEC §11 (names in docs/operations.md): processed, emitted per type, filtered per reason,
 * invalid, duplicates per kind, dead-lettered per reason, and the ingest-to-event latency. It also remembers how
 * many records in a row went to the dead-letter topic, which is what the channel's health check reports.
 */
public final class ChannelMetrics {

    /** Which of SPEC §5's dedup kinds suppressed something. */
    public enum DuplicateKind {
        /** The same provider message again (SPEC §5.1). */
        INPUT,
        /** The same market fact through another source, e.g. a bar re-reporting a high already emitted (§5.2). */
        CROSS_SOURCE
    }

    private final MeterRegistry registry;
    private final String channel;
    private final Counter processed;
    private final Counter invalid;
    private final Map<EventType, Counter> emitted = new EnumMap<>(EventType.class);
    private final Map<DuplicateKind, Counter> duplicates = new EnumMap<>(DuplicateKind.class);
    private final Timer latency;
    private final AtomicInteger deadLettersInARow = new AtomicInteger();

    public ChannelMetrics(MeterRegistry registry, Channel channel) {
        this.registry = registry;
        this.channel = channel.wireName();
        this.processed = registry.counter("tickstock.channel.processed", "channel", this.channel);
        this.invalid = registry.counter("tickstock.channel.invalid", "channel", this.channel);
        for (DuplicateKind kind : DuplicateKind.values()) {
            duplicates.put(kind, registry.counter("tickstock.channel.duplicates", "channel", this.channel, "kind",
                    kind.name().toLowerCase(Locale.ROOT)));
        }
        this.latency = Timer.builder("tickstock.channel.latency").tag("channel", this.channel)
                .description("ingest accepted the input -> the processor emitted its event")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    public void processed() {
        processed.increment();
    }

    /** A record went all the way through (whatever it fired): the channel is working. */
    public void succeeded() {
        deadLettersInARow.set(0);
    }

    public void emitted(EventType type, long ingestToEventMillis) {
        emitted.computeIfAbsent(type, t -> registry.counter("tickstock.channel.emitted", "channel", channel, "type",
                t.wireName())).increment();
        latency.record(Math.max(0, ingestToEventMillis), TimeUnit.MILLISECONDS);
    }

    public void duplicate(DuplicateKind kind) {
        duplicates.get(kind).increment();
    }

    public void filtered(String reason) {
        registry.counter("tickstock.channel.filtered", "channel", channel, "reason", reason).increment();
    }

    /** A record this channel could not process, now on the dead-letter topic for {@code reason}. */
    public void deadLettered(String reason) {
        invalid.increment();
        registry.counter("tickstock.channel.dlq", "channel", channel, "reason", reason).increment();
        deadLettersInARow.incrementAndGet();
    }

    public int deadLettersInARow() {
        return deadLettersInARow.get();
    }
}
