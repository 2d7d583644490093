package io.tickstock.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.tickstock.ingest.IngestConfig;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.serde.JsonSerde;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes accepted provider messages to their raw topic: keyed by symbol (so a symbol's channels are co-partitioned),
 * the Kafka timestamp set to the message's event time, {@code ingestTs} stamped. The producer is idempotent with
 * {@code acks=all}; when Kafka is slow, {@code send} blocks once {@code buffer.memory} is full, which holds the
 * source back instead of growing memory.
 */
@ApplicationScoped
public class RawPublisher {

    private static final Logger LOG = Logger.getLogger(RawPublisher.class);

    private final Producer<String, IngestedMessage> producer;
    private final Map<Feed, String> topics = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> published = new EnumMap<>(Feed.class);
    private final Map<Feed, Counter> failed = new EnumMap<>(Feed.class);
    private final Clock clock;

    @Inject
    public RawPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
            MeterRegistry registry) {
        this(new KafkaProducer<>(producerConfig(kafka), new StringSerializer(),
                new JsonSerde<>(IngestedMessage.class)), config.topics(), registry, Clock.systemUTC());
    }

    RawPublisher(Producer<String, IngestedMessage> producer, IngestConfig.TopicNames names, MeterRegistry registry,
            Clock clock) {
        this.producer = producer;
        this.clock = clock;
        for (Feed feed : Feed.values()) {
            topics.put(feed, switch (feed.channel()) {
                case TICK -> names.tick();
                case OHLCV -> names.ohlcv();
                case FMV -> names.fmv();
            });
            published.put(feed, registry.counter("tickstock.ingest.published", "feed", feed.code()));
            failed.put(feed, registry.counter("tickstock.ingest.publish.failed", "feed", feed.code()));
        }
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        // correctness settings are not configuration: losing or duplicating input is never acceptable
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tickstock-ingest");
        return config;
    }

    /** Sends one message from {@code provider}; counts it once Kafka has acknowledged it. */
    public void publish(String provider, MarketMessage msg) {
        Feed feed = msg.ev();
        IngestedMessage in = IngestedMessage.of(provider, clock.millis(), msg);
        producer.send(new ProducerRecord<>(topics.get(feed), null, msg.eventTime(), msg.sym(), in),
                (metadata, error) -> {
                    if (error == null) {
                        published.get(feed).increment();
                    } else {
                        failed.get(feed).increment();
                        LOG.errorf(error, "could not publish %s to %s", msg.identity(), topics.get(feed));
                    }
                });
    }

    /** Messages Kafka acknowledged, per feed. */
    public Map<Feed, Long> publishedCounts() {
        Map<Feed, Long> counts = new EnumMap<>(Feed.class);
        published.forEach((feed, counter) -> counts.put(feed, (long) counter.count()));
        return counts;
    }

    public void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
