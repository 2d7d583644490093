package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.prioritize.Priorities;
import io.tickstock.processor.state.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/** What every channel is built from: configuration, the shared detectors, priorities and meters. */
record ChannelParts(ProcessorConfig config, HighLowDetector highLow, Priorities priorities, ProcessorMetrics metrics,
        StoreKind stores) {

    static ChannelParts of(ProcessorConfig config, ProcessorMetrics metrics, StoreKind stores) {
        return new ChannelParts(config, new HighLowDetector(config.session().calendar(), config.highLow().cooldown()),
                new Priorities(config.priority(), config.fmv()), metrics, stores);
    }

    /** The serde of a state store whose unreadable values start afresh, counted under the store's name. */
    <T> StateSerde<T> stateSerde(Class<T> type, String store) {
        return new StateSerde<>(type, metrics.unreadableState(store));
    }

    ChannelMetrics metricsOf(Channel channel) {
        return metrics.of(channel);
    }

    long dedupRetentionMillis() {
        return config.dedup().retention().toMillis();
    }

    /**
     * Adds one channel: its raw topic → its processor (with the shared stores and its own) → the events topic.
     * Node names start with the channel's name, so logs, metrics and the topology description say which is which.
     */
    void wire(StreamsBuilder builder, Channel channel, String topic,
            ProcessorSupplier<String, IngestedMessage, String, MarketEvent> processor, String... ownStores) {
        String name = channel.wireName();
        String[] stores = new String[ownStores.length + 2];
        stores[0] = StoreNames.INPUT_DEDUP;
        stores[1] = StoreNames.SYMBOL_STATE;
        System.arraycopy(ownStores, 0, stores, 2, ownStores.length);
        builder.stream(topic, Consumed.with(Serdes.String(), new JsonSerde<>(IngestedMessage.class))
                        .withName(name + "-source"))
                .process(processor, Named.as(name + "-channel"), stores)
                .to(config.topics().events(), Produced.with(Serdes.String(), new JsonSerde<>(MarketEvent.class))
                        .withName(name + "-events"));
    }
}
