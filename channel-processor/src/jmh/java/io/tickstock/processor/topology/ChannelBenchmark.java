package io.tickstock.processor.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.engine.BoundedRocksDbMemory;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.state.BarHistory;
import io.tickstock.processor.state.FmvState;
import io.tickstock.processor.state.SymbolState;
import io.tickstock.processor.state.TickSample;
import io.tickstock.processor.state.TickState;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-record cost of each channel's processing path, on the production RocksDB stores (bounded shared cache):
 * read the raw JSON, check, dedup, detect, update the stores, write each event as JSON. Kafka I/O, transactions and
 * changelog writes are not in it (the broker-backed measurement in docs/architecture.md covers those). Each
 * invocation processes a batch of fresh records (new identities, advancing event time) prepared outside the
 * measurement, so dedup never short-cuts and the stores grow as in a live run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelBenchmark {

    private static final int BATCH = 5_000;
    private static final long T0 = 1_710_255_600_000L;

    /** Symbols per channel: a market-open tick universe, the 8,000-symbol minute-bar burst, the FMV universe. */
    @Param({"tick", "ohlcv", "fmv"})
    public String channel;

    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);
    private final JsonSerde<MarketEvent> events = new JsonSerde<>(MarketEvent.class);
    private final Random random = new Random(42);
    private final byte[][] batch = new byte[BATCH][];
    private final String[] keys = new String[BATCH];
    private final long[] times = new long[BATCH];
    private MockProcessorContext<String, MarketEvent> context;
    private Processor<String, IngestedMessage, String, MarketEvent> processor;
    private String topic;
    private double[] prices;
    private long step;
    private long offset;

    @Setup(Level.Trial)
    public void start() throws Exception {
        ProcessorConfig config = TestProcessorConfig.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("channel-bench").toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        context = new MockProcessorContext<>(props);
        ChannelParts parts = ChannelParts.of(config, new ProcessorMetrics(new SimpleMeterRegistry()),
                StoreKind.PERSISTENT);
        add(Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.INPUT_DEDUP, Duration.ofMinutes(10),
                Duration.ofMinutes(10), false), Serdes.String(), Serdes.Long()));
        add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SYMBOL_STATE), Serdes.String(),
                new JsonSerde<>(SymbolState.class)));
        int symbols;
        switch (channel) {
            case "tick" -> {
                symbols = 500;
                topic = Topics.RAW_TICK;
                add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.TICK_STATE),
                        Serdes.String(), new JsonSerde<>(TickState.class)));
                add(Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.TICK_SERIES,
                        Duration.ofSeconds(660), Duration.ofSeconds(1), false), Serdes.String(),
                        new JsonSerde<>(TickSample.class)));
                processor = new TickProcessor(parts, new SurgeDetector(config.surge()),
                        new TrendDetector(config.trend()), 660_000);
            }
            case "ohlcv" -> {
                symbols = 8_000;
                topic = Topics.RAW_OHLCV;
                add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.BAR_HISTORY),
                        Serdes.String(), new JsonSerde<>(BarHistory.class)));
                processor = new OhlcvProcessor(parts,
                        new BarDetector(config.ohlcv()));
            }
            default -> {
                symbols = 1_000;
                topic = Topics.RAW_FMV;
                add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.FMV_STATE),
                        Serdes.String(), new JsonSerde<>(FmvState.class)));
                processor = new FmvProcessor(parts, new FmvDetector(config.fmv()));
            }
        }
        prices = new double[symbols];
        for (int i = 0; i < symbols; i++) {
            prices[i] = 5 + random.nextDouble() * 400;
        }
        processor.init(context);
    }

    private <S extends StateStore> void add(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** The next batch of inputs, outside the measurement. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        for (int i = 0; i < BATCH; i++) {
            int sym = (int) (step % prices.length);
            long round = step / prices.length;
            String name = "S" + sym;
            prices[sym] = Math.max(1, Math.round(prices[sym] * (1 + random.nextGaussian() * 0.002) * 100) / 100.0);
            double p = prices[sym];
            MarketMessage msg = switch (channel) {
                // each symbol trades about every 100 ms: 10 trades a second, 500 symbols
                case "tick" -> new Trade(Feed.T, name, 4, Long.toString(step), null, p, 100 + random.nextInt(400),
                        null, T0 + round * 100 + sym % 100);
                // one minute bar per symbol per minute
                case "ohlcv" -> {
                    double o = Math.round(p * (1 + random.nextGaussian() * 0.01) * 100) / 100.0;
                    long s = T0 + round * 60_000;
                    yield Aggregate.bar(Feed.AM, name, o, Math.max(o, p) + 0.01, Math.min(o, p) - 0.01, p,
                            1_000 + random.nextInt(5_000), s, s + 60_000);
                }
                // a quote per symbol every second, with a market price
                default -> new FairMarketValue(Feed.FMV, name, Math.round(p * (1 + random.nextGaussian() * 0.01) * 100)
                        / 100.0, p, 0.9, (T0 + round * 1_000 + sym) * 1_000_000);
            };
            batch[i] = ingested.serialize(topic, IngestedMessage.of("bench", msg.eventTime() + 2, msg));
            keys[i] = name;
            times[i] = msg.eventTime();
            step++;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int processBatch() {
        int written = 0;
        for (int i = 0; i < BATCH; i++) {
            IngestedMessage value = ingested.deserialize(topic, batch[i]);
            context.setRecordMetadata(topic, 0, offset++);
            processor.process(new Record<>(keys[i], value, times[i]));
            for (MockProcessorContext.CapturedForward<? extends String, ? extends MarketEvent> out : context.forwarded()) {
                written += events.serialize(Topics.EVENTS, out.record().value()).length;
            }
            context.resetForwards();
        }
        return written;
    }

    @TearDown(Level.Trial)
    public void stop() {
        processor.close();
    }
}
