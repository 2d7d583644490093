package io.tickstock.model.serde;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Trade;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What every record pays at each hop: reading a raw trade, writing an event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonSerdeBenchmark {

    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);
    private final JsonSerde<MarketEvent> events = new JsonSerde<>(MarketEvent.class);
    private final byte[] rawTrade = ingested.serialize("t", IngestedMessage.of("simulator", 1_700_000_000_003L,
            new Trade(Feed.T, "AAPL", 4, "52983525029461", 3, 190.25, 100, null, 1_700_000_000_000L)));
    private final MarketEvent event = new MarketEvent(1, "8983af2099bdb6003facb835a7fb369f", EventType.HIGH, "AAPL",
            Direction.UP, 190.25, 1, Channel.TICK, 1_700_000_000_000L, 1_700_000_000_010L,
            Map.of("sessionHigh", 190.25, "previousHigh", 190.10, "step", 0.095),
            new SourceContext("simulator", Feed.T, 1_700_000_000_000L, 1_700_000_000_003L, "tickstock.raw.tick", 4,
                    123_456L, "T|AAPL|52983525029461|1700000000000|4"));

    @Benchmark
    public IngestedMessage readRawTrade() {
        return ingested.deserialize("t", rawTrade);
    }

    @Benchmark
    public byte[] writeEvent() {
        return events.serialize("t", event);
    }
}
