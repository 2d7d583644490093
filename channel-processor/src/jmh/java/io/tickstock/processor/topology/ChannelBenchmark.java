package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.deadletter.InputChecks;
import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.detect.SessionCalendar;
import io.tickstock.processor.detect.SessionExtremes;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.prioritize.Priorities;
import io.tickstock.processor.state.BarHistory;
import io.tickstock.processor.state.SeenTimes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU cost of each channel's per-record path WITHOUT its state stores: read the raw JSON, check it, run the
 * channel's detectors on a warmed-up state, build the event record and write it as JSON (one event per record, the
 * expensive case). Store reads/writes, changelogs, transactions and Kafka I/O are measured by the broker-backed
 * throughput run (CommitIntervalMeasurement, docs/architecture.md); together they say where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelBenchmark {

    private static final long T0 = 1_710_255_600_000L;

    private final ProcessorConfig config = TestProcessorConfig.defaults();
    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);
    private final JsonSerde<MarketEvent> events = new JsonSerde<>(MarketEvent.class);
    private final HighLowDetector highLow = new HighLowDetector(SessionCalendar.ALWAYS, config.highLow().cooldown());
    private final SurgeDetector surge = new SurgeDetector(config.surge());
    private final TrendDetector trend = new TrendDetector(config.trend());
    private final BarDetector bars = new BarDetector(config.ohlcv());
    private final FmvDetector fmv = new FmvDetector(config.fmv());
    private final Priorities priorities = new Priorities(config.priority(), config.fmv());
    private final RecordMetadata metadata = new Metadata();

    private final byte[] tradeBytes = bytes(new Trade(Feed.T, "AAPL", 4, "52983525029461", 3, 190.25, 100, null,
            T0 + 60_000));
    private final byte[] barBytes = bytes(Aggregate.bar(Feed.AM, "AAPL", 190, 195, 189.5, 194.5, 9_000, T0 + 60_000,
            T0 + 120_000));
    private final byte[] quoteBytes = bytes(new FairMarketValue(Feed.FMV, "AAPL", 195, 190.25, 0.9,
            (T0 + 60_000) * 1_000_000));
    private final SessionExtremes extremes = SessionExtremes.seed(SessionCalendar.ALWAYS.sessionDay(T0), 190.0, 189.0);
    private final BarHistory history = new BarHistory(List.of(new Bar(T0 - 300_000, 190, 190.1, 1_000),
            new Bar(T0 - 240_000, 190, 190.2, 1_100), new Bar(T0 - 180_000, 190, 190.1, 900),
            new Bar(T0 - 120_000, 190, 190.3, 1_000), new Bar(T0 - 60_000, 190, 190.2, 1_200),
            new Bar(T0, 190, 190.1, 1_000)), SeenTimes.NONE);

    private byte[] bytes(MarketMessage msg) {
        return ingested.serialize(null, IngestedMessage.of("bench", msg.eventTime() + 2, msg));
    }

    private byte[] emit(IngestedMessage in, EventRecords.Detection detection) {
        MarketMessage msg = in.msg();
        int priority = priorities.of(detection.type(), msg.sym(), msg.eventTime(),
                detection.details().getOrDefault("deviation", 0.0));
        Record<String, MarketEvent> record = EventRecords.event(EventRecords.Input.of(in, metadata), detection,
                priority, T0);
        return events.serialize(Topics.EVENTS, record.value());
    }

    @Benchmark
    public void tick(Blackhole out) {
        IngestedMessage in = ingested.deserialize(Topics.RAW_TICK, tradeBytes);
        Trade trade = (Trade) InputChecks.check("AAPL", in, Set.of(Feed.T, Feed.A));
        out.consume(highLow.observe(extremes, trade.p(), trade.p(), trade.t()));
        out.consume(surge.detect(new SurgeDetector.Input(180, trade.p(), 5_000, 30_000, 60_000), trade.t(),
                Long.MIN_VALUE, Long.MIN_VALUE));
        TrendDetector.Trend found = trend.detect(new TrendDetector.Input(trade.p(), new double[] {189, 188, 187},
                200, 300_000), trade.t(), Long.MIN_VALUE);
        out.consume(emit(in, new EventRecords.Detection(EventType.TREND, found.direction(), trade.p(),
                Map.of("score", found.score()))));
    }

    @Benchmark
    public void ohlcv(Blackhole out) {
        IngestedMessage in = ingested.deserialize(Topics.RAW_OHLCV, barBytes);
        Aggregate am = (Aggregate) InputChecks.check("AAPL", in, Set.of(Feed.AM));
        out.consume(highLow.observe(extremes, am.h(), am.l(), am.e()));
        BarDetector.Outcome outcome = bars.detect(history.bars(), new Bar(am.s(), am.o(), am.c(), am.v()));
        BarDetector.Detection first = outcome.events().get(0);
        out.consume(emit(in, new EventRecords.Detection(first.type(), first.direction(), am.c(), first.details())));
        out.consume(history.with(new Bar(am.s(), am.o(), am.c(), am.v()), 10));
    }

    @Benchmark
    public void fmv(Blackhole out) {
        IngestedMessage in = ingested.deserialize(Topics.RAW_FMV, quoteBytes);
        FairMarketValue quote = (FairMarketValue) InputChecks.check("AAPL", in, Set.of(Feed.FMV));
        FmvDetector.Verdict verdict = fmv.judge(new FmvDetector.Quote(quote.fmv(), quote.mp(), quote.conf(),
                quote.eventTime(), 190.25, quote.eventTime() - 1_000, quote.eventTime()),
                FmvDetector.LastDeviation.NONE, FmvDetector.LastDeviation.NONE);
        out.consume(emit(in, new EventRecords.Detection(EventType.FMV_DEVIATION,
                verdict.direction(), verdict.marketPrice(), Map.of("fmv", quote.fmv(), "marketPrice",
                        verdict.marketPrice(), "deviation", verdict.deviation(), "confidence", verdict.confidence()))));
    }

    /** Where the benchmark's input record "was read". */
    private static final class Metadata implements RecordMetadata {
        @Override
        public String topic() {
            return Topics.RAW_TICK;
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 123_456;
        }
    }
}
