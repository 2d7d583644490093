package io.tickstock.processor.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.topology.ChannelTopologies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Runs the processor's Kafka Streams engines ({@link Engine}): builds each from its topology and configuration,
 * starts them once the topics they read and write exist (readiness says what is missing meanwhile, instead of
 * liveness failing while topics are created), binds their metrics, and closes them on shutdown, which commits what
 * they processed.
 */
@ApplicationScoped
public class ChannelEngines {

    private static final Logger LOG = Logger.getLogger(ChannelEngines.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long TOPICS_RETRY_MILLIS = 1_000;
    private static final String PREFIX = "kafka-streams.";

    private final Map<Engine, KafkaStreams> engines = new EnumMap<>(Engine.class);
    private final Properties admin = new Properties();
    private final List<String> topics;
    private final AtomicReference<Set<String>> missingTopics;
    private volatile boolean closing;

    public ChannelEngines(ChannelTopologies topologies, EngineProperties properties, ProcessorConfig config,
            RestoreTimer restores, ThreadReplacement threads, MeterRegistry registry) {
        for (Engine engine : Engine.values()) {
            Topology topology = engine == Engine.TICK ? topologies.tick() : topologies.ohlcv();
            Properties props = properties.of(engine);
            KafkaStreams streams = new KafkaStreams(topology, props, StableTransactionalIds.of(props));
            streams.setUncaughtExceptionHandler(threads);
            streams.setGlobalStateRestoreListener(restores);
            new KafkaStreamsMetrics(streams, Tags.of("engine", engine.wireName())).bindTo(registry);
            engines.put(engine, streams);
            LOG.infof("%s engine: application.id %s, %s stream thread(s), commit every %s ms%n%s", engine.wireName(),
                    props.get(StreamsConfig.APPLICATION_ID_CONFIG), props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG),
                    props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), topology.describe());
        }
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        ProcessorConfig.TopicNames names = config.topics();
        this.topics = List.of(names.tick(), names.ohlcv(), names.fmv(), names.events(), names.dlq());
        this.missingTopics = new AtomicReference<>(Set.copyOf(topics));
    }

    /** Everything under {@code kafka-streams.*}, as configured (the environment overrides application.properties). */
    @Produces
    @Singleton
    static EngineProperties engineProperties(Config source, ProcessorConfig config) {
        Map<String, String> common = new HashMap<>();
        for (String name : source.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                source.getOptionalValue(name, String.class)
                        .ifPresent(value -> common.put(name.substring(PREFIX.length()), value));
            }
        }
        return new EngineProperties(common, config);
    }

    void start(@Observes StartupEvent startup) {
        Thread starter = new Thread(this::startOnceTopicsExist, "tickstock-engines-start");
        starter.setDaemon(true);
        starter.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        closing = true;
        engines.values().parallelStream().forEach(streams -> streams.close(CLOSE_TIMEOUT));
    }

    public KafkaStreams streams(Engine engine) {
        return engines.get(engine);
    }

    /** The topics the engines need that do not exist yet: empty once they have started. */
    public Set<String> missingTopics() {
        return missingTopics.get();
    }

    /** Whether the engines are being closed on purpose (a stopped engine is then not a failure). */
    public boolean closing() {
        return closing;
    }

    private void startOnceTopicsExist() {
        try (Admin client = Admin.create(admin)) {
            while (!closing) {
                Set<String> missing = missing(client);
                missingTopics.set(missing);
                if (missing.isEmpty()) {
                    engines.values().forEach(KafkaStreams::start);
                    return;
                }
                LOG.warnf("waiting for topics %s before starting the engines", missing);
                TimeUnit.MILLISECONDS.sleep(TOPICS_RETRY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<String> missing(Admin client) throws InterruptedException {
        try {
            Set<String> existing = client.listTopics().names().get(TOPICS_RETRY_MILLIS * 10, TimeUnit.MILLISECONDS);
            return Set.copyOf(topics.stream().filter(topic -> !existing.contains(topic)).toList());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("cannot list topics yet: %s", e.getMessage());
            return Set.copyOf(topics);
        }
    }
}
