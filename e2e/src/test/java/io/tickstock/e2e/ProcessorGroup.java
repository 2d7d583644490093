package io.tickstock.e2e;

import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.RunTopics;
import io.tickstock.testsupport.TestBroker;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A channel processor's consumer group as Kafka sees it: how far it has committed over its input topics, and which
 * member owns which input partition. Read through the admin API, never through the processor itself.
 */
final class ProcessorGroup {

    private final String group;
    private final List<String> inputs;

    /** The group of application id {@code group}, reading {@code inputs}. */
    ProcessorGroup(String group, List<String> inputs) {
        this.group = group;
        this.inputs = List.copyOf(inputs);
    }

    static ProcessorGroup of(RunTopics topics, String suffix) {
        return new ProcessorGroup(topics.run() + "-" + suffix, List.of(topics.tick(), topics.ohlcv(), topics.fmv()));
    }

    /** Input records the group has committed, over all partitions. */
    long committed() {
        return query(admin -> committedOffsets(admin).values().stream().mapToLong(OffsetAndMetadata::offset).sum());
    }

    /** Waits until the group has committed every input record there is now. */
    void awaitCaughtUp(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> query(admin -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin);
            // a partition that never had a record has no committed offset
            return endOffsets(admin).entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
        }));
    }

    /**
     * Input partitions by the processor instance that owns them now: its static member id (group.instance.id), which
     * Kafka Streams gives each of its stream threads with the thread's index appended.
     */
    Map<String, Set<TopicPartition>> owners() {
        return query(admin -> {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group);
            Map<String, Set<TopicPartition>> owners = new HashMap<>();
            for (MemberDescription member : description.members()) {
                String instance = member.groupInstanceId().map(id -> id.replaceFirst("-\\d+$", ""))
                        .orElse(member.consumerId());
                owners.computeIfAbsent(instance, any -> new HashSet<>()).addAll(
                        member.assignment().topicPartitions().stream()
                                .filter(partition -> inputs.contains(partition.topic()))
                                .collect(Collectors.toSet()));
            }
            return owners;
        });
    }

    /** Every input partition. */
    Set<TopicPartition> inputPartitions() {
        return query(admin -> endOffsets(admin).keySet());
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin)
            throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(inputs).allTopicNames().get().values()) {
            topic.partitions().forEach(partition -> latest.put(new TopicPartition(topic.name(),
                    partition.partition()), OffsetSpec.latest()));
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private interface AdminQuery<T> {
        T ask(Admin admin) throws ExecutionException, InterruptedException;
    }

    private static <T> T query(AdminQuery<T> query) {
        try (Admin admin = Admin.create(TestBroker.clientProperties())) {
            return query.ask(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the admin query failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
