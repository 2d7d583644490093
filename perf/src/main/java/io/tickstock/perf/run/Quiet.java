package io.tickstock.perf.run;

import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Whether the pipeline has stopped moving: the processor has committed every raw record, no events are added. */
public final class Quiet {

    private final KafkaOffsets offsets;
    private final List<String> groups;
    private final Stack.TopicNames topics;
    private volatile long lag = -1;

    public Quiet(KafkaOffsets offsets, List<String> groups, Stack.TopicNames topics) {
        this.offsets = offsets;
        this.groups = List.copyOf(groups);
        this.topics = topics;
    }

    /** The processor's lag on the raw topics and an events topic that stays the same for two seconds. */
    public boolean await(Duration timeout) {
        if (!awaitProcessor(timeout)) {
            return false;
        }
        Waits.Stable events = Waits.SYSTEM.stable(() -> offsets.stableEnds(List.of(topics.events())));
        return Waits.SYSTEM.until(Duration.ofSeconds(30), () -> events.stillFor(Duration.ofSeconds(2)));
    }

    /** Every group of the processor has committed up to the end of every raw partition it reads. */
    private boolean awaitProcessor(Duration timeout) {
        return Waits.SYSTEM.until(timeout, () -> measure() == 0);
    }

    /**
     * Records of the raw topics the processor consumes that it has not committed yet (a partition of such a topic
     * never committed counts whole). A raw topic it does not consume at all is not lag: the reconciliation says so.
     */
    public long measure() {
        Map<TopicPartition, Long> ends = offsets.ends(topics.raw());
        long behind = 0;
        for (String group : groups) {
            Map<TopicPartition, Long> committed = offsets.committed(group);
            Set<String> consumed = new HashSet<>();
            committed.keySet().forEach(tp -> consumed.add(tp.topic()));
            Map<TopicPartition, Long> read = new HashMap<>(ends);
            read.keySet().removeIf(tp -> !consumed.contains(tp.topic()));
            behind += KafkaOffsets.lag(read, committed, Map.of());
        }
        lag = behind;
        return lag;
    }

    /** The raw topics the processor's groups have committed offsets on. */
    Set<String> consumedTopics() {
        Set<String> consumed = new HashSet<>();
        groups.forEach(group -> offsets.committed(group).keySet().forEach(tp -> consumed.add(tp.topic())));
        return consumed;
    }

    /** The lag last measured; -1 before any. */
    public long lag() {
        return lag;
    }
}
