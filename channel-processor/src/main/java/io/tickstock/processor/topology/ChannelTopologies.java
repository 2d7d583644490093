package io.tickstock.processor.topology;

import org.apache.kafka.streams.Topology;

/**
 * One topology per engine.
 *
 * @param tick the tick channel and the FMV channel (two sub-topologies)
 * @param ohlcv the OHLCV channel
 */
public record ChannelTopologies(Topology tick, Topology ohlcv) {
}
