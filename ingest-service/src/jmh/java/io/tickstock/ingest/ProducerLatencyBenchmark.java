package io.tickstock.ingest;

import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code linger.ms} costs a message: the time from send to acknowledgement (idempotent, acks=all) of one
 * message while the same producer carries a steady background load of {@code backgroundPerSecond} raw trades, as
 * the ingest service does. Sample mode, so the percentiles are in the output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProducerLatencyBenchmark {

    @Param({"0", "1", "5", "20"})
    public int lingerMs;

    @Param({"1000", "20000"})
    public int backgroundPerSecond;

    private Producer<String, byte[]> producer;
    private String topic;
    private Thread background;
    private volatile boolean running;
    private final byte[] value = ("{\"v\":1,\"provider\":\"simulator\",\"ingestTs\":1700000000003,\"msg\":{\"ev\":\"T\","
            + "\"sym\":\"AAPL\",\"x\":4,\"i\":\"77\",\"z\":3,\"p\":190.25,\"s\":100,\"t\":1700000000000}}")
            .getBytes(StandardCharsets.UTF_8);

    @Setup(Level.Trial)
    public void setUp() {
        topic = "bench-latency-" + UUID.randomUUID().toString().substring(0, 8);
        TestTopics.create(6, List.of(topic));
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", TestBroker.bootstrapServers());
        kafka.put("linger.ms", lingerMs);
        kafka.put("compression.type", "lz4");
        producer = new KafkaProducer<>(RawPublisher.producerConfig(kafka), new StringSerializer(),
                new ByteArraySerializer());
        running = true;
        background = new Thread(this::backgroundLoad, "background-load");
        background.start();
    }

    // a steady rate, spread over the symbols (keys) of a market
    private void backgroundLoad() {
        long interval = TimeUnit.SECONDS.toNanos(1) / backgroundPerSecond;
        long next = System.nanoTime();
        long n = 0;
        while (running) {
            producer.send(new ProducerRecord<>(topic, "SYM" + (n++ % 500), value));
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        background.join();
        producer.close();
    }

    @Benchmark
    public RecordMetadata sendToAcknowledged() throws ExecutionException, InterruptedException {
        return producer.send(new ProducerRecord<>(topic, "AAPL", value)).get();
    }
}
