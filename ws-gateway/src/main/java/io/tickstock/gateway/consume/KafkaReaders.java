package io.tickstock.gateway.consume;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Opens the gateway's readers of {@code tickstock.events}: no consumer group (every replica reads every partition,
 * SPEC §2; positions live in cursors, not in Kafka) and {@code read_committed}, so only events of committed
 * processor transactions reach clients.
 */
@ApplicationScoped
public class KafkaReaders {

    private final Map<String, Object> kafka;

    public KafkaReaders(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    public KafkaConsumer<String, byte[]> open(String clientId) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // readers seek to offsets of their own; one deleted by retention since means "from what is left"
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition of {@code topic}, in partition order. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
    }

    /** Where {@code consumer} stands in each partition, indexed by partition. */
    public static long[] positions(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        long[] positions = new long[partitions.size()];
        for (TopicPartition partition : partitions) {
            positions[partition.partition()] = consumer.position(partition);
        }
        return positions;
    }
}
