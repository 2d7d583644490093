package io.tickstock.processor.engine;

import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.deadletter.DeadLetterHandler;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of each engine: everything under {@code kafka-streams.*} (application.properties,
 * overridable from the environment as {@code KAFKA_STREAMS_*}), then what differs per engine: the application id,
 * the commit interval and threads, the static member id, and the raw topics whose unreadable records this engine
 * dead-letters (each raw topic has one owner, whatever reads it besides).
 */
public final class EngineProperties {

    /** Static membership: every engine of every instance needs an id of its own. */
    static final String STATIC_MEMBER = "group.instance.id";

    private final Map<String, ?> common;
    private final ProcessorConfig config;

    /** @param common the settings every engine takes (values are strings, or objects a setting takes as such) */
    public EngineProperties(Map<String, ?> common, ProcessorConfig config) {
        this.common = Map.copyOf(common);
        this.config = config;
    }

    public Properties of(Engine engine) {
        Properties props = new Properties();
        props.putAll(common);
        ProcessorConfig.EngineSettings settings = engine == Engine.TICK ? config.tickEngine() : config.ohlcvEngine();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, engine.applicationId(
                setting(StreamsConfig.APPLICATION_ID_CONFIG, "tickstock-processor")));
        long commit = settings.commitInterval().toMillis();
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commit));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(settings.streamThreads()));
        // a thread blocked in poll() cannot commit what it processed: never wait longer than a commit interval
        long poll = Long.parseLong(setting(StreamsConfig.POLL_MS_CONFIG, "100"));
        props.put(StreamsConfig.POLL_MS_CONFIG, Long.toString(Math.min(poll, Math.max(1, commit))));
        Object member = common.get(STATIC_MEMBER);
        if (member != null) {
            props.put(STATIC_MEMBER, engine.applicationId(member.toString()));
        }
        props.put(DeadLetterHandler.OWNED_TOPICS_CONFIG, String.join(",", ownedTopics(engine)));
        return props;
    }

    /** The brokers every engine connects to: for the process's own admin clients (topics, readiness). */
    public Object bootstrapServers() {
        return common.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    private String setting(String key, String otherwise) {
        Object value = common.get(key);
        return value == null ? otherwise : value.toString();
    }

    private List<String> ownedTopics(Engine engine) {
        ProcessorConfig.TopicNames topics = config.topics();
        return engine == Engine.TICK ? List.of(topics.tick(), topics.fmv()) : List.of(topics.ohlcv());
    }
}
