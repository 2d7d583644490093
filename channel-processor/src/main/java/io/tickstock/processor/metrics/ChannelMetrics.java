package io.tickstock.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.model.Channel;

/** The per-channel counters of SPEC §11: processed, emitted, duplicates suppressed, invalid. */
public final class ChannelMetrics {

    private final Counter processed;
    private final Counter emitted;
    private final Counter duplicates;
    private final Counter invalid;

    public ChannelMetrics(MeterRegistry registry, Channel channel) {
        String tag = channel.wireName();
        this.processed = registry.counter("tickstock.channel.processed", "channel", tag);
        this.emitted = registry.counter("tickstock.channel.emitted", "channel", tag);
        this.duplicates = registry.counter("tickstock.channel.duplicates", "channel", tag);
        this.invalid = registry.counter("tickstock.channel.invalid", "channel", tag);
    }

    public void processed() {
        processed.increment();
    }

    public void emitted() {
        emitted.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void invalid() {
        invalid.increment();
    }
}
