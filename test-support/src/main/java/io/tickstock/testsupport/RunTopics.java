package io.tickstock.testsupport;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test run's own copy of the topics of SPEC §2 on the shared test broker, and the environment that points each
 * service at them: runs never see each other's data, and a service never waits for a topic nobody created.
 */
public record RunTopics(String run, String tick, String ohlcv, String fmv, String rawDlq, String events,
        String processorDlq) {

    public static RunTopics create(String prefix, int partitions) {
        String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        RunTopics topics = new RunTopics(run, run + ".raw.tick", run + ".raw.ohlcv", run + ".raw.fmv",
                run + ".raw.dlq", run + ".events", run + ".processor.dlq");
        TestTopics.create(partitions, topics.all());
        return topics;
    }

    /** The same inputs, with events written to another topic (created here). */
    public RunTopics withEvents(String otherEvents, int partitions) {
        TestTopics.create(partitions, List.of(otherEvents));
        return new RunTopics(run, tick, ohlcv, fmv, rawDlq, otherEvents, processorDlq);
    }

    public List<String> all() {
        return List.of(tick, ohlcv, fmv, rawDlq, events, processorDlq);
    }

    /**
     * A processor of its own consumer groups and state directory, named {@code run-suffix} (its tick engine's group;
     * its OHLCV engine's is {@code run-suffix-ohlcv}).
     */
    public Map<String, String> processorEnv(String suffix) {
        String app = run + "-" + suffix;
        Map<String, String> env = kafka();
        env.put("KAFKA_STREAMS_APPLICATION_ID", app);
        env.put("KAFKA_STREAMS_STATE_DIR", "target/e2e-state/" + app);
        env.put("TICKSTOCK_PROCESSOR_TOPICS_TICK", tick);
        env.put("TICKSTOCK_PROCESSOR_TOPICS_OHLCV", ohlcv);
        env.put("TICKSTOCK_PROCESSOR_TOPICS_FMV", fmv);
        env.put("TICKSTOCK_PROCESSOR_TOPICS_EVENTS", events);
        env.put("TICKSTOCK_PROCESSOR_TOPICS_DLQ", processorDlq);
        return env;
    }

    /**
     * Instance {@code instance} of a processor group of several named {@code run-suffix}: its own state directory
     * and static member id, and a standby replica of every task on another instance, as in Kubernetes.
     */
    public Map<String, String> processorInstanceEnv(String suffix, int instance) {
        Map<String, String> env = processorEnv(suffix);
        env.put("KAFKA_STREAMS_STATE_DIR", env.get("KAFKA_STREAMS_STATE_DIR") + "-" + instance);
        env.put("KAFKA_STREAMS_GROUP_INSTANCE_ID", run + "-" + suffix + "-" + instance);
        env.put("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1");
        return env;
    }

    public Map<String, String> ingestEnv() {
        Map<String, String> env = kafka();
        env.put("TICKSTOCK_INGEST_TOPICS_TICK", tick);
        env.put("TICKSTOCK_INGEST_TOPICS_OHLCV", ohlcv);
        env.put("TICKSTOCK_INGEST_TOPICS_FMV", fmv);
        env.put("TICKSTOCK_INGEST_TOPICS_DLQ", rawDlq);
        return env;
    }

    /**
     * The ingest service with the simulator's {@code trades} profile: {@code count} trades of {@code symbols}
     * symbols at {@code perSecond}, from {@code seed} (the e2e tests predict their highs and lows).
     */
    public Map<String, String> tradesEnv(int seed, int symbols, int perSecond, int count) {
        Map<String, String> env = ingestEnv();
        env.put("TICKSTOCK_INGEST_SIMULATOR_PROFILE", "trades");
        env.put("TICKSTOCK_INGEST_SIMULATOR_SEED", Integer.toString(seed));
        env.put("TICKSTOCK_INGEST_SIMULATOR_SYMBOL_COUNT", Integer.toString(symbols));
        env.put("TICKSTOCK_INGEST_SIMULATOR_TRADES_PER_SECOND", Integer.toString(perSecond));
        env.put("TICKSTOCK_INGEST_SIMULATOR_VOLATILITY", "0.001");
        env.put("TICKSTOCK_INGEST_SIMULATOR_MAX_MESSAGES", Integer.toString(count));
        return env;
    }

    public Map<String, String> gatewayEnv() {
        Map<String, String> env = kafka();
        env.put("TICKSTOCK_GATEWAY_EVENTS_TOPIC", events);
        return env;
    }

    /** The ids of the events committed to this run's events topic, read as the gateway reads them (read_committed). */
    public List<String> committedEventIds() {
        try (TopicReader<MarketEvent> reader = TopicReader.fromBeginning(events, new JsonSerde<>(MarketEvent.class))) {
            return reader.readFor(Duration.ofSeconds(3)).stream().map(record -> record.value().id()).toList();
        }
    }

    /** What every service of a run gets: the test broker, and the profile of a one-broker stack. */
    private static Map<String, String> kafka() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestBroker.bootstrapServers());
        env.put("QUARKUS_PROFILE", "local");
        return env;
    }
}
