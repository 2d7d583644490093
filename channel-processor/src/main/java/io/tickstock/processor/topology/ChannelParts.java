package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.prioritize.Priorities;
import io.tickstock.processor.state.StateCodec;
import io.tickstock.processor.state.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** What every channel is built from: configuration, the shared detectors, priorities, meters and store kind. */
record ChannelParts(ProcessorConfig config, HighLowDetector highLow, Priorities priorities, ProcessorMetrics metrics,
        StoreKind stores) {

    static ChannelParts of(ProcessorConfig config, ProcessorMetrics metrics, StoreKind stores) {
        return new ChannelParts(config, new HighLowDetector(config.session().calendar(), config.highLow().cooldown()),
                new Priorities(config.priority(), config.fmv()), metrics, stores);
    }

    ChannelMetrics metricsOf(Channel channel) {
        return metrics.of(channel);
    }

    long dedupRetentionMillis() {
        return config.dedup().retention().toMillis();
    }

    /**
     * A store of per-key values in the binary layout of {@code codec}, with its changelog, behind Kafka Streams'
     * record cache: a key written many times between two commits (a busy symbol) reaches the changelog once per
     * commit. The cache delays nothing a processor forwards; it is flushed inside every commit.
     */
    <V> StoreBuilder<KeyValueStore<String, V>> store(String name, StateCodec<V> codec) {
        return Stores.keyValueStoreBuilder(stores.keyValue(name), Serdes.String(),
                        new StateSerde<>(name, codec, metrics.unreadableState(name)))
                .withLoggingEnabled(StoreKind.CHANGELOG)
                .withCachingEnabled();
    }
}
