package io.tickstock.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import io.tickstock.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raw topics of one test class on the real test broker, and the real publisher writing to them. */
public final class KafkaRawTopics implements IngestConfig.TopicNames {

    private final Names names;

    public KafkaRawTopics(String prefix) {
        this.names = new Names(prefix);
        TestTopics.create(3, List.of(tick(), ohlcv(), fmv(), dlq()));
    }

    @Override
    public String tick() {
        return names.tick();
    }

    @Override
    public String ohlcv() {
        return names.ohlcv();
    }

    @Override
    public String fmv() {
        return names.fmv();
    }

    @Override
    public String dlq() {
        return names.dlq();
    }

    /** Topic names of a prefix, without creating anything. */
    public record Names(String prefix) implements IngestConfig.TopicNames {
        @Override
        public String tick() {
            return prefix + ".raw.tick";
        }

        @Override
        public String ohlcv() {
            return prefix + ".raw.ohlcv";
        }

        @Override
        public String fmv() {
            return prefix + ".raw.fmv";
        }

        @Override
        public String dlq() {
            return prefix + ".raw.dlq";
        }
    }

    /** The production publisher (idempotent, acks=all) on these topics. */
    public RawPublisher publisher() {
        return publisher(262_144);
    }

    public RawPublisher publisher(int deadLetterMaxBytes) {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", TestBroker.bootstrapServers());
        kafka.put("linger.ms", 1);
        return new RawPublisher(new KafkaProducer<>(RawPublisher.producerConfig(kafka), new StringSerializer(),
                new ByteArraySerializer()), this, deadLetterMaxBytes, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** Every envelope on {@code topic}, once at least {@code count} are there (and nothing more came for 300 ms). */
    public static List<ConsumerRecord<String, IngestedMessage>> read(String topic, int count) {
        try (TopicReader<IngestedMessage> reader =
                TopicReader.fromBeginning(topic, new JsonSerde<>(IngestedMessage.class))) {
            reader.awaitAtLeast(count, Duration.ofSeconds(60));
            return reader.readFor(Duration.ofMillis(300));
        }
    }

    /** Every raw record (dead letters) on {@code topic}. */
    public static List<ConsumerRecord<String, byte[]>> readBytes(String topic, int count) {
        try (TopicReader<byte[]> reader = TopicReader.fromBeginning(topic, new ByteArrayDeserializer())) {
            reader.awaitAtLeast(count, Duration.ofSeconds(60));
            return reader.readFor(Duration.ofMillis(300));
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
