package io.tickstock.gateway.queue;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one event costs the gateway per client it goes to: matching the client's patterns, queueing, draining with
 * the client's cursor, writing the client's copy. Times 1,000 clients is the fan-out budget of one event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanoutCostBenchmark {

    private static final int BATCH = 100;
    private static final ClientQueue.Drops NO_DROPS = new ClientQueue.Drops() {
        @Override
        public void shed(int priority) {
        }

        @Override
        public void conflated(int priority) {
        }
    };

    private final List<OutgoingEvent> batch = new ArrayList<>();
    private Subscriptions subscriptions;
    private long offset;

    @Setup
    public void events() {
        for (int i = 0; i < BATCH; i++) {
            MarketEvent event = new MarketEvent(1, "8983af2099bdb6003facb835a7fb36" + i, EventType.HIGH, "SYM" + i % 50,
                    Direction.UP, 190.25, 1 + i % 3, Channel.TICK, 1_700_000_000_000L, 1_700_000_000_010L,
                    Map.of("sessionHigh", 190.25, "previousHigh", 190.10, "step", 0.095),
                    new SourceContext("simulator", Feed.T, 1_700_000_000_000L, 1_700_000_000_003L,
                            "tickstock.raw.tick", 4, 123_456L, "T|AAPL|52983525029461|1700000000000|4"));
            batch.add(OutgoingEvent.of(event, i % 6, i));
        }
        subscriptions = Subscriptions.NONE.plus(Subscriptions.parseParams("high.*,low.AAPL,*.TSLA,trend.SYM1"));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void matchQueueDrainRender(Blackhole sink) {
        ClientQueue queue = new ClientQueue(new long[] {offset, offset, offset, offset, offset, offset}, 2000,
                NO_DROPS);
        queue.startBatch(2000);
        for (OutgoingEvent event : batch) {
            if (subscriptions.matches(event.event())) {
                queue.offer(new OutgoingEvent(event.event(), event.partition(), offset + event.offset(),
                        event.body()));
            }
        }
        offset += BATCH;
        for (ClientQueue.Drained drained = queue.next(); drained != null; drained = queue.next()) {
            sink.consume(drained.render());
        }
    }
}
