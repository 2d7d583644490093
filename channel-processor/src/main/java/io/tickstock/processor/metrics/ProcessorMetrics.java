package io.tickstock.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.model.Channel;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** The meters of every channel, one set per channel, shared by the topology, the dead-letter path and health. */
@Singleton
public class ProcessorMetrics {

    private final Map<Channel, ChannelMetrics> channels = new EnumMap<>(Channel.class);
    private final MeterRegistry registry;

    public ProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            channels.put(channel, new ChannelMetrics(registry, channel));
        }
    }

    public ChannelMetrics of(Channel channel) {
        return channels.get(channel);
    }

    /** Stored values of a state store that could not be read and were started afresh. */
    public Counter unreadableState(String store) {
        return registry.counter("tickstock.processor.state.unreadable", "store", store);
    }
}
