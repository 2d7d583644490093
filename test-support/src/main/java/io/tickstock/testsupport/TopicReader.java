package io.tickstock.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic on the test broker from the beginning, committed records only (as the gateway
 * reads), keeping everything it has read.
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, V> consumer) {
        this.consumer = consumer;
    }

    public static <V> TopicReader<V> fromBeginning(String topic, Deserializer<V> values) {
        Properties props = TestBroker.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicReader<>(consumer);
    }

    /** Reads until at least {@code count} records arrived in all; returns everything read so far. */
    public List<ConsumerRecord<String, V>> awaitAtLeast(int count, Duration timeout) {
        await().atMost(timeout).until(() -> {
            poll(Duration.ofMillis(200));
            return records.size() >= count;
        });
        return List.copyOf(records);
    }

    /** Keeps reading for {@code duration} (to see that nothing more comes); returns everything read so far. */
    public List<ConsumerRecord<String, V>> readFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(records);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(records::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
