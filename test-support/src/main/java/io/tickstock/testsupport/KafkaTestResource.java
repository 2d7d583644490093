package io.tickstock.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tickstock.model.Topics;
import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the shared real broker: {@code @QuarkusTestResource(KafkaTestResource.class)}.
 * Creates the topics of SPEC §2 and points every Kafka setting our services read at it; Dev Services stay off.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** Fewer than production's 6, enough to prove partitioned behaviour. */
    public static final int PARTITIONS = 3;
    public static final List<String> ALL_TOPICS = List.of(Topics.RAW_TICK, Topics.RAW_OHLCV, Topics.RAW_FMV,
            Topics.RAW_DLQ, Topics.EVENTS, Topics.PROCESSOR_DLQ);

    @Override
    public Map<String, String> start() {
        String bootstrap = TestBroker.bootstrapServers();
        TestTopics.create(PARTITIONS, ALL_TOPICS);
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // the broker outlives one test class; the JVM's shutdown hook stops it
    }
}
