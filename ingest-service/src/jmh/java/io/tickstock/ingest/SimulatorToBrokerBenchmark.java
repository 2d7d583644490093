package io.tickstock.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.ingest.source.simulator.MarketSimulator;
import io.tickstock.ingest.source.simulator.SimulatorProfile;
import io.tickstock.model.SimulatorProfiles;
import io.tickstock.ingest.source.simulator.Universe;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * The simulator's highest sustainable output into a real broker: generate the surge profile's market, validate it,
 * serialize, produce (idempotent, acks=all) and wait for every acknowledgement; ops/s = messages/s. The broker is
 * the one in KAFKA_BOOTSTRAP_SERVERS (the local stack's; {@code ./tickstock up --source none}), else an in-JVM one.
 * {@code lingerMs} shows what batching buys at full speed (ack latency at moderate load: ProducerLatencyBenchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatorToBrokerBenchmark {

    private static final int BATCH = 10_000;

    @Param({"0", "1", "5", "20"})
    public int lingerMs;

    private MarketSimulator market;
    private Intake intake;
    private RawPublisher publisher;
    private final Origin origin = new Origin(Origin.SIMULATOR, "benchmark");

    @Setup(Level.Trial)
    public void setUp() {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaRawTopics.Names topics = new KafkaRawTopics.Names(prefix);
        TestTopics.create(6, List.of(topics.tick(), topics.ohlcv(), topics.fmv(), topics.dlq()));
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", TestBroker.bootstrapServers());
        kafka.put("linger.ms", lingerMs);
        kafka.put("compression.type", "lz4");
        publisher = new RawPublisher(new KafkaProducer<>(RawPublisher.producerConfig(kafka), new StringSerializer(),
                new ByteArraySerializer()), topics, 262_144, new SimpleMeterRegistry(), Clock.systemUTC());
        intake = TestIntakes.wallClock(publisher);
        SimulatorProfile surge = SimulatorProfile.named(SimulatorProfiles.MARKET_OPEN_SURGE);
        market = new MarketSimulator(surge, Universe.symbols(List.of(), surge.ohlcvSymbols()), 42, 0,
                System.currentTimeMillis());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        publisher.flush();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndAcknowledge() {
        for (int i = 0; i < BATCH; i++) {
            intake.message(origin, market.next().msg(), null);
        }
        publisher.flush();
    }
}
