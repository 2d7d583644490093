package io.tickstock.processor.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.deadletter.DeadLetterHandler;
import io.tickstock.processor.deadletter.DeadLetterRouter;
import io.tickstock.processor.engine.BoundedRocksDbMemory;
import io.tickstock.processor.metrics.ProcessorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole processor topology in a {@link TopologyTestDriver}, configured as in production (exception handlers,
 * bounded RocksDB), with dead letters collected in memory. Every channel's suite drives it through its raw topic.
 */
final class ProcessorDriver implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<ProducerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    final ProcessorConfig config;
    final TopologyTestDriver driver;
    private final TestOutputTopic<String, MarketEvent> events;
    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);

    ProcessorDriver(Map<String, String> overrides, Instant wallClock, StoreKind stores) {
        config = TestProcessorConfig.with(overrides);
        ProcessorMetrics metrics = new ProcessorMetrics(registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(DeadLetterHandler.ROUTER_CONFIG, new DeadLetterRouter(config.topics(), metrics, deadLetters::add));
        driver = new TopologyTestDriver(TopologyProducer.build(config, metrics, stores), props, wallClock);
        events = driver.createOutputTopic(config.topics().events(), new StringDeserializer(),
                new JsonSerde<>(MarketEvent.class));
    }

    /** In-memory stores: see {@link StoreKind} for why. */
    ProcessorDriver(Instant wallClock) {
        this(Map.of(), wallClock, StoreKind.IN_MEMORY);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("processor-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a provider message to its feed's raw topic, as the ingest service would (ingested 3 ms later). */
    void send(MarketMessage msg) {
        send(msg.sym(), msg);
    }

    void send(String key, MarketMessage msg) {
        input(Topics.rawTopicOf(msg.ev())).pipeInput(key, IngestedMessage.of("simulator", msg.eventTime() + 3, msg),
                msg.eventTime());
    }

    /** Sends raw bytes, for records the ingest service would never write. */
    void sendRaw(String topic, String key, byte[] value, long timestamp) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, value, timestamp);
    }

    void sendRaw(String topic, String key, String value, long timestamp) {
        sendRaw(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), timestamp);
    }

    TestInputTopic<String, IngestedMessage> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), ingested);
    }

    List<MarketEvent> events() {
        return events.readValuesToList();
    }

    List<TestRecord<String, MarketEvent>> eventRecords() {
        return events.readRecordsToList();
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    double counter(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
