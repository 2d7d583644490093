package io.tickstock.gateway.socket;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.resume.ClientPosition;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one delivery (one event to one client) costs the gateway above the socket: the client's position reading
 * the shared log, matching its patterns, and the frame copying each event's shared JSON once with the cursor once.
 * {@code perFrame} events arrive between two frames: 1 is a client that keeps up at a trickle, 500 one catching up
 * after a burst.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanoutCostBenchmark {

    private static final int BATCH = 500;

    @Param({"1", "500"})
    public int perFrame;

    private final List<OutgoingEvent> batch = new ArrayList<>();
    private Subscriptions subscriptions;
    private RecentEvents log;
    private ClientPosition position;
    private long offset;

    @Setup
    public void events() {
        for (int i = 0; i < BATCH; i++) {
            MarketEvent event = new MarketEvent(1, "8983af2099bdb6003facb835a7fb36" + i, EventType.HIGH, "SYM" + i % 50,
                    Direction.UP, 190.25, 1 + i % 3, Channel.TICK, 1_700_000_000_000L, 1_700_000_000_010L,
                    Map.of("sessionHigh", 190.25, "previousHigh", 190.10, "step", 0.095),
                    new SourceContext("simulator", Feed.T, 1_700_000_000_000L, 1_700_000_000_003L,
                            "tickstock.raw.tick", 4, 123_456L, "T|AAPL|52983525029461|1700000000000|4"));
            batch.add(OutgoingEvent.of(event, i % 6, i, 1_700_000_000_020_000L));
        }
        subscriptions = Subscriptions.NONE.plus(Subscriptions.parseParams("high.*,low.AAPL,*.TSLA,trend.SYM1"));
        log = new RecentEvents(32_768);
        log.begin(new long[6]);
        position = ClientPosition.at(log.head());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void readMatchAndFrame(Blackhole sink) {
        for (int from = 0; from < BATCH; from += perFrame) {
            List<OutgoingEvent> arriving = new ArrayList<>(perFrame);
            for (int i = from; i < from + perFrame; i++) {
                OutgoingEvent event = batch.get(i);
                arriving.add(new OutgoingEvent(event.id(), event.type(), event.symbol(), event.direction(),
                        event.price(), event.priorityClass(), event.channel(), event.eventTime(), event.ingestTs(),
                        event.partition(), offset++, event.json()));
            }
            log.append(arriving, new long[] {offset, offset, offset, offset, offset, offset});
            List<OutgoingEvent> frame = position.read(log, subscriptions::matches, BATCH, 1 << 20, Long.MAX_VALUE);
            sink.consume(Frames.events(frame, false, position.cursor().toString()));
        }
    }
}
