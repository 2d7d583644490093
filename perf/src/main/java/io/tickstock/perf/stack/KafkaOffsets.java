package io.tickstock.perf.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Offsets the harness brackets a run with: topics' ends, and how far the processor's group has committed. */
public final class KafkaOffsets implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 15;
    private final Admin admin;

    public KafkaOffsets(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS) / 2);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tickstock-perf");
        this.admin = Admin.create(props);
    }

    /** The log end offset of every partition of {@code topics} (commit markers included). */
    public Map<TopicPartition, Long> ends(Collection<String> topics) {
        return offsets(topics, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** The last stable offset of every partition: what a {@code read_committed} reader can reach. */
    public Map<TopicPartition, Long> stableEnds(Collection<String> topics) {
        return offsets(topics, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, OffsetSpec spec, IsolationLevel isolation) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            descriptions.values().forEach(d -> d.partitions().forEach(p ->
                    wanted.put(new TopicPartition(d.name(), p.partition()), spec)));
            Map<TopicPartition, Long> offsets = new TreeMap<>(KafkaOffsets::byTopicAndPartition);
            admin.listOffsets(wanted, new ListOffsetsOptions(isolation)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading offsets", e);
        }
    }

    /** The offsets {@code group} has committed on each partition it has any for. */
    public Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new TreeMap<>(KafkaOffsets::byTopicAndPartition);
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    offsets.put(tp, offset.offset());
                }
            });
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading group offsets", e);
        }
    }

    /** Records of {@code ends} the group has not committed yet (a partition it never committed counts whole). */
    public static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> startsIfUncommitted) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            Long done = committed.get(end.getKey());
            long from = done != null ? done : startsIfUncommitted.getOrDefault(end.getKey(), 0L);
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }

    /** Records between two offset maps, summed per topic. */
    public static Map<String, Long> recordsBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Long> records = new TreeMap<>();
        to.forEach((tp, end) -> records.merge(tp.topic(), end - from.getOrDefault(tp, 0L), Long::sum));
        return records;
    }

    private static int byTopicAndPartition(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
