package io.tickstock.processor.deadletter;

import io.quarkus.arc.Unremovable;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.metrics.ProcessorMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes dead letters with their own idempotent producer ({@code acks=all}) and waits for each acknowledgement.
 * Kafka Streams gives exception handlers no access to its transactional producer, so dead letters are
 * at-least-once: after a crash a record may be dead-lettered again, recognisable by its original coordinates.
 */
@ApplicationScoped
public class KafkaDeadLetterSink implements Consumer<ProducerRecord<byte[], byte[]>> {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaDeadLetterSink(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tickstock-processor-dlq");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void accept(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("dead letter not acknowledged: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The router the exception handlers use, writing through this sink. */
    @Produces
    @Singleton
    @Unremovable  // looked up by the exception handlers, which Kafka Streams creates by class name
    static DeadLetterRouter router(ProcessorConfig config, ProcessorMetrics metrics, KafkaDeadLetterSink sink) {
        return new DeadLetterRouter(config.topics(), metrics, sink);
    }
}
