package io.tickstock.tools.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What waits in Kafka: a consumer group's lag per topic, and how many offsets dead-letter topics hold. */
final class KafkaBacklog implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;
    private final Admin admin;

    KafkaBacklog(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS) / 2);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tickstock-status");
        this.admin = Admin.create(props);
    }

    /** Records behind per topic for a group: log end minus committed offset, summed over partitions. */
    Map<String, Long> lag(String group) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                lag.merge(tp.topic(), Math.max(0, latest.get(tp).offset() - offset.offset()), Long::sum);
            }
        });
        return lag;
    }

    /** Offsets each topic holds (end minus start over its partitions); for transactional writers, markers count. */
    Map<String, Long> retained(List<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> counts = new TreeMap<>();
        topics.forEach(t -> counts.put(t, 0L));
        ends.forEach((tp, end) -> counts.merge(tp.topic(), end.offset() - starts.get(tp).offset(), Long::sum));
        return counts;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
