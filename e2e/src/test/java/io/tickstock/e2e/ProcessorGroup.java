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
 * A channel processor's consumer groups as Kafka sees them: its tick engine's, which reads every raw topic (and the
 * FMV channel's internal topic), and its OHLCV engine's, which reads the minute bars again; how far they have
 * committed, and which member owns which input partition. Read through the admin API, never through the processor.
 */
final class ProcessorGroup {

    private final String group;
    private final List<String> inputs;
    private final String ohlcvGroup;
    private final List<String> ohlcvInputs;

    /** The groups of application id {@code group}: the tick engine reading {@code inputs}, the OHLCV engine's. */
    ProcessorGroup(String group, List<String> inputs, List<String> ohlcvInputs) {
        this.group = group;
        this.inputs = List.copyOf(inputs);
        this.ohlcvGroup = group + "-ohlcv";
        this.ohlcvInputs = List.copyOf(ohlcvInputs);
    }

    static ProcessorGroup of(RunTopics topics, String suffix) {
        return new ProcessorGroup(topics.run() + "-" + suffix, List.of(topics.tick(), topics.ohlcv(), topics.fmv()),
                List.of(topics.ohlcv()));
    }

    /** Raw records the tick engine (which reads them all) has committed, over all partitions. */
    long committed() {
        return query(admin -> committedOffsets(admin, group).entrySet().stream()
                .filter(e -> inputs.contains(e.getKey().topic())).mapToLong(e -> e.getValue().offset()).sum());
    }

    /**
     * Waits until both engines have committed every input record there is now, the tick engine every quote it
     * passed to the FMV channel too.
     */
    void awaitCaughtUp(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> query(admin ->
                caughtUp(admin, group, inputs) && caughtUp(admin, ohlcvGroup, ohlcvInputs)));
    }

    private static boolean caughtUp(Admin admin, String group, List<String> inputs)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group);
        Set<String> read = new HashSet<>(inputs);
        committed.keySet().forEach(partition -> read.add(partition.topic()));
        // a partition that never had a record has no committed offset
        return endOffsets(admin, List.copyOf(read)).entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
    }

    /**
     * Input partitions by the processor instance that owns them now: its static member id (group.instance.id), which
     * Kafka Streams gives each of its stream threads with the thread's index appended.
     */
    Map<String, Set<TopicPartition>> owners() {
        // the tick engine's group: it reads every raw partition
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
        return query(admin -> endOffsets(admin, inputs).keySet());
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group)
            throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> inputs)
            throws ExecutionException, InterruptedException {
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
