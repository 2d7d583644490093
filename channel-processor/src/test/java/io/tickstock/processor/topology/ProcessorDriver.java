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
import io.tickstock.processor.engine.Engine;
import io.tickstock.processor.engine.EngineProperties;
import io.tickstock.processor.metrics.ProcessorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The processor's two engines, each in a {@link TopologyTestDriver}, configured as in production
 * ({@link EngineProperties}: exception handlers with their topic ownership, bounded RocksDB), with dead letters
 * collected in memory. A raw record goes to every engine that reads its topic, the tick engine first (in production
 * the engines run side by side; the order between them changes no result), and the events of both come out in the
 * order they were written. Every channel's suite drives it through its raw topic.
 */
final class ProcessorDriver implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<ProducerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    final ProcessorConfig config;
    private final Map<Engine, TopologyTestDriver> engines = new EnumMap<>(Engine.class);
    private final Map<Engine, TestOutputTopic<String, MarketEvent>> outputs = new EnumMap<>(Engine.class);
    private final List<TestRecord<String, MarketEvent>> written = new ArrayList<>();
    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);

    ProcessorDriver(Map<String, String> overrides, Instant wallClock, StoreKind stores) {
        config = TestProcessorConfig.with(overrides);
        ProcessorMetrics metrics = new ProcessorMetrics(registry);
        EngineProperties properties = new EngineProperties(Map.of(
                DeadLetterHandler.ROUTER_CONFIG, new DeadLetterRouter(config.topics(), metrics, deadLetters::add),
                StreamsConfig.APPLICATION_ID_CONFIG, "processor-test",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.STATE_DIR_CONFIG, tempDir(),
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName(),
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName()), config);
        ChannelTopologies topologies = TopologyProducer.build(config, metrics, stores);
        for (Engine engine : Engine.values()) {
            TopologyTestDriver driver = new TopologyTestDriver(engine == Engine.TICK ? topologies.tick()
                    : topologies.ohlcv(), properties.of(engine), wallClock);
            engines.put(engine, driver);
            outputs.put(engine, driver.createOutputTopic(config.topics().events(), new StringDeserializer(),
                    new JsonSerde<>(MarketEvent.class)));
        }
    }

    /** In-memory stores, as in production. */
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
        sendTo(Topics.rawTopicOf(msg.ev()), key, msg);
    }

    /** Sends a provider message to {@code topic}, whichever feed it is of. */
    void sendTo(String topic, String key, MarketMessage msg) {
        pipe(topic, key, ingested.serialize(null, IngestedMessage.of("simulator", msg.eventTime() + 3, msg)),
                msg.eventTime());
    }

    /** Sends raw bytes, for records the ingest service would never write. */
    void sendRaw(String topic, String key, byte[] value, long timestamp) {
        pipe(topic, key, value, timestamp);
    }

    void sendRaw(String topic, String key, String value, long timestamp) {
        sendRaw(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), timestamp);
    }

    private void pipe(String topic, String key, byte[] value, long timestamp) {
        engines.forEach((engine, driver) -> {
            if (reads(engine, topic)) {
                driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                        .pipeInput(key, value, timestamp);
                written.addAll(outputs.get(engine).readRecordsToList());
            }
        });
    }

    private boolean reads(Engine engine, String topic) {
        return engine == Engine.TICK || topic.equals(config.topics().ohlcv());
    }

    /** The events written since the last call, in the order they were written. */
    List<MarketEvent> events() {
        return eventRecords().stream().map(TestRecord::value).toList();
    }

    List<TestRecord<String, MarketEvent>> eventRecords() {
        List<TestRecord<String, MarketEvent>> records = List.copyOf(written);
        written.clear();
        return records;
    }

    /** The test driver of one engine, to look into its stores. */
    TopologyTestDriver engine(Engine engine) {
        return engines.get(engine);
    }

    void advanceWallClock(Duration by) {
        engines.forEach((engine, driver) -> {
            driver.advanceWallClockTime(by);
            written.addAll(outputs.get(engine).readRecordsToList());
        });
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
        engines.values().forEach(TopologyTestDriver::close);
    }
}
