package io.tickstock.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.model.DeadLetters;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.JsonSerde;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes accepted messages to their raw topic and rejected input to the raw dead-letter topic, through one producer:
 * keyed by symbol (so a symbol's channels are co-partitioned), the Kafka timestamp set to the event time, the
 * envelope stamped with source and {@code ingestTs}, the exact origin in a header. Idempotent with
 * {@code acks=all}. Back-pressure: when Kafka is slower than the source, {@code buffer.memory} fills and
 * {@code send} blocks, which holds the source back (a provider socket stops being read, the simulator falls behind
 * its schedule) instead of growing memory; every such wait is timed in {@code tickstock.ingest.send.blocked}.
 */
@ApplicationScoped
public class RawPublisher implements Publisher {

    private static final Logger LOG = Logger.getLogger(RawPublisher.class);
    /** A send that takes longer than this waited for buffer space or metadata: that is back-pressure. */
    private static final long BLOCKED_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Producer<String, byte[]> producer;
    private final JsonSerde<IngestedMessage> envelopes = new JsonSerde<>(IngestedMessage.class);
    private final Map<Feed, String> topics = new EnumMap<>(Feed.class);
    private final String deadLetterTopic;
    private final int deadLetterMaxBytes;
    private final Map<Feed, Counter> published = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> failed = new EnumMap<>(Feed.class);
    private final Counter deadLettered;
    private final Counter deadLetterFailed;
    private final Timer blocked;
    private final Clock clock;

    @Inject
    public RawPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
            MeterRegistry registry) {
        this(new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new ByteArraySerializer()),
                config.topics(), config.validation().deadLetterMaxBytes(), registry, Clock.systemUTC());
    }

    public RawPublisher(Producer<String, byte[]> producer, IngestConfig.TopicNames names, int deadLetterMaxBytes,
            MeterRegistry registry, Clock clock) {
        this.producer = producer;
        this.clock = clock;
        this.deadLetterTopic = names.dlq();
        this.deadLetterMaxBytes = deadLetterMaxBytes;
        for (Feed feed : Feed.values()) {
            topics.put(feed, switch (feed.channel()) {
                case TICK -> names.tick();
                case OHLCV -> names.ohlcv();
                case FMV -> names.fmv();
            });
            published.put(feed, registry.counter("tickstock.ingest.published", "feed", feed.code()));
            failed.put(feed, registry.counter("tickstock.ingest.publish.failed", "feed", feed.code()));
        }
        deadLettered = registry.counter("tickstock.ingest.dead.lettered");
        deadLetterFailed = registry.counter("tickstock.ingest.dead.letter.failed");
        blocked = Timer.builder("tickstock.ingest.send.blocked")
                .description("sends that waited for producer buffer space or metadata (back-pressure)")
                .register(registry);
        Gauge.builder("tickstock.ingest.producer.buffer.available", this, RawPublisher::bufferAvailableBytes)
                .baseUnit("bytes").register(registry);
    }

    public static Map<String, Object> producerConfig(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        // correctness settings are not configuration: losing or duplicating input is never acceptable
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tickstock-ingest");
        return config;
    }

    @Override
    public void accepted(Origin origin, MarketMessage msg) {
        Feed feed = msg.ev();
        String topic = topics.get(feed);
        byte[] value = envelopes.serialize(topic, IngestedMessage.of(origin.source(), clock.millis(), msg));
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.ORIGIN_HEADER, utf8(origin.where()));
        send(new ProducerRecord<>(topic, null, msg.eventTime(), msg.sym(), value, headers), (metadata, error) -> {
            if (error == null) {
                published.get(feed).increment();
            } else {
                failed.get(feed).increment();
                LOG.errorf("could not publish %s to %s: %s", msg.identity(), topic, error.toString());
            }
        });
    }

    @Override
    public void rejected(Origin origin, Rejection rejection, byte[] original, String key) {
        long now = clock.millis();
        byte[] value = original;
        String detail = rejection.detail();
        if (original.length > deadLetterMaxBytes) {
            value = Arrays.copyOf(original, deadLetterMaxBytes);
            detail += " (first " + deadLetterMaxBytes + " of " + original.length + " bytes kept)";
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, utf8(rejection.reason().code()));
        headers.add(DeadLetters.DETAIL, utf8(detail));
        headers.add(DeadLetters.SOURCE, utf8(origin.source()));
        headers.add(DeadLetters.TIME, utf8(Long.toString(now)));
        headers.add(Topics.ORIGIN_HEADER, utf8(origin.where()));
        send(new ProducerRecord<>(deadLetterTopic, null, now, key, value, headers), (metadata, error) -> {
            if (error == null) {
                deadLettered.increment();
            } else {
                deadLetterFailed.increment();
                LOG.errorf("could not dead-letter a %s rejection to %s: %s", rejection.reason().code(),
                        deadLetterTopic, error.toString());
            }
        });
    }

    private void send(ProducerRecord<String, byte[]> record, Callback callback) {
        long start = System.nanoTime();
        try {
            producer.send(record, callback);
        } catch (KafkaException e) {
            // e.g. no buffer space within max.block.ms: the same outcome as a failed delivery, counted and logged
            callback.onCompletion(null, e);
        }
        long took = System.nanoTime() - start;
        if (took > BLOCKED_NANOS) {
            blocked.record(took, TimeUnit.NANOSECONDS);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Messages Kafka acknowledged, per feed. */
    public Map<Feed, Long> publishedCounts() {
        Map<Feed, Long> counts = new EnumMap<>(Feed.class);
        published.forEach((feed, counter) -> counts.put(feed, (long) counter.count()));
        return counts;
    }

    public long failedCount() {
        return failed.values().stream().mapToLong(counter -> (long) counter.count()).sum();
    }

    public long deadLetteredCount() {
        return (long) deadLettered.count();
    }

    /** Free space in the producer's bounded buffer; 0 means sources are being held back. */
    public double bufferAvailableBytes() {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("buffer-available-bytes")
                        && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElse(Double.NaN);
    }

    /** Total time sends have waited for buffer space. */
    public Duration blockedTime() {
        return Duration.ofNanos((long) blocked.totalTime(TimeUnit.NANOSECONDS));
    }

    public void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
