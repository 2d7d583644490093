package io.tickstock.processor.topology;

import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.metrics.ProcessorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The processor's topologies, read top to bottom as the data flow. Two engines: the tick engine runs the tick
 * channel (all three raw topics in arrival order, the per-symbol market state) and the FMV channel (quotes the tick
 * channel priced, in tasks of their own); the OHLCV engine runs the OHLCV channel on the minute bars, with threads
 * and transactions of its own, so an 8,000-bar burst never holds up a tick. docs/architecture.md has both
 * topologies as Kafka Streams describes them.
 */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    @Singleton
    public ChannelTopologies topologies(ProcessorConfig config, ProcessorMetrics metrics) {
        return build(config, metrics, config.store());
    }

    /** The topologies with stores of {@code kind}. */
    public static ChannelTopologies build(ProcessorConfig config, ProcessorMetrics metrics, StoreKind kind) {
        ChannelParts parts = ChannelParts.of(config, metrics, kind);
        StreamsBuilder tick = new StreamsBuilder();
        KStream<String, PricedQuote> quotes = TickChannel.addTo(tick, parts);
        FmvChannel.addTo(tick, quotes, parts);
        StreamsBuilder ohlcv = new StreamsBuilder();
        OhlcvChannel.addTo(ohlcv, parts);
        return new ChannelTopologies(tick.build(), ohlcv.build());
    }
}
