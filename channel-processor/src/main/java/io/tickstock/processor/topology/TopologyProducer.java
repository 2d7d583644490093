package io.tickstock.processor.topology;

import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.state.SymbolState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.tickstock.processor.state.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole processing topology, read top to bottom as the data flow. The three channels share the input-dedup
 * and symbol-state stores, which puts them in ONE sub-topology: each task reads the same partition of all three raw
 * topics and merges them in event-time order, so a trade high and the bar that contains it meet in one state.
 * Quarkus runs it under exactly-once (application.properties).
 */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology buildTopology(ProcessorConfig config, ProcessorMetrics metrics) {
        return build(config, metrics, StoreKind.PERSISTENT);
    }

    /** The topology with stores of {@code kind}: production uses {@link StoreKind#PERSISTENT}. */
    public static Topology build(ProcessorConfig config, ProcessorMetrics metrics, StoreKind kind) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                kind.window(StoreNames.INPUT_DEDUP, config.dedup().retention(), config.dedup().retention()),
                Serdes.String(), Serdes.Long()).withLoggingEnabled(StoreKind.WINDOW_CHANGELOG));
        builder.addStateStore(Stores.keyValueStoreBuilder(kind.keyValue(StoreNames.SYMBOL_STATE),
                Serdes.String(), new StateSerde<>(SymbolState.class, metrics.unreadableState(StoreNames.SYMBOL_STATE))));
        ChannelParts parts = ChannelParts.of(config, metrics, kind);
        TickChannel.addTo(builder, parts);
        OhlcvChannel.addTo(builder, parts);
        FmvChannel.addTo(builder, parts);
        return builder.build();
    }
}
