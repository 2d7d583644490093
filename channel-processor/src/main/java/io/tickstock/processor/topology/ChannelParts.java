package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.serde.IngestedMessageReader;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.prioritize.Priorities;
import io.tickstock.processor.state.StateCodec;
import io.tickstock.processor.state.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
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

    /** How a channel reads the raw topics: the envelope with the streaming reader, as JsonSerde would. */
    static Consumed<String, IngestedMessage> raw(String name) {
        return Consumed.with(Serdes.String(), Serdes.serdeFrom(new JsonSerde<>(IngestedMessage.class),
                new IngestedMessageReader())).withName(name);
    }

    ChannelMetrics metricsOf(Channel channel) {
        return metrics.of(channel);
    }

    long dedupRetentionMillis() {
        return config.dedup().retention().toMillis();
    }

    /** A store of per-key values in the binary layout of {@code codec}, with its changelog. */
    <V> StoreBuilder<KeyValueStore<String, V>> store(String name, StateCodec<V> codec) {
        return Stores.keyValueStoreBuilder(stores.keyValue(name), Serdes.String(),
                        new StateSerde<>(name, codec, metrics.unreadableState(name)))
                .withLoggingEnabled(StoreKind.CHANGELOG);
    }

    /**
     * A store whose keys are written many times between two commits (a busy symbol's trades), behind Kafka Streams'
     * record cache: such a key reaches the changelog once per commit. The cache delays nothing a processor forwards;
     * it is flushed inside every commit. Keys written once a minute (bars) or every few seconds (quotes) would only
     * pay for its bookkeeping.
     */
    <V> StoreBuilder<KeyValueStore<String, V>> cachedStore(String name, StateCodec<V> codec) {
        return store(name, codec).withCachingEnabled();
    }
}
