package io.tickstock.processor.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Gives every stream thread's transactional producer an id that survives a restart of its instance:
 * {@code <application.id>-<group.instance.id>-<thread>}. Kafka Streams derives the id from a process id it keeps
 * across restarts only for applications with persistent stores; with in-memory stores every start brought new ids,
 * so the transaction a killed instance left open was never fenced. It held back the last stable offset of every
 * partition it had written — changelogs, events, the FMV repartition topic — until the broker timed it out, and the
 * restarted instance could not finish restoring for 10 s and more (found by {@code ./tickstock chaos kill}). With a
 * stable id, the restarted thread's first {@code initTransactions} aborts its predecessor's transaction at once.
 * It relies on what static membership already requires: a {@code group.instance.id} of its own for every instance.
 */
public final class StableTransactionalIds implements KafkaClientSupplier {

    /** Null without an instance id: Kafka Streams' own ids then (a process id per start). */
    private final String prefix;

    StableTransactionalIds(String applicationId, Object instanceId) {
        this.prefix = instanceId == null ? null : applicationId + "-" + instanceId + "-";
    }

    /** The supplier for an engine's properties ({@link EngineProperties}). */
    public static StableTransactionalIds of(Properties engine) {
        return new StableTransactionalIds(engine.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                engine.get(EngineProperties.STATIC_MEMBER));
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(withStableId(config), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    /** The producer's configuration with its transactional id made stable; as it is when it has none. */
    Map<String, Object> withStableId(Map<String, Object> config) {
        Object id = config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        if (id == null || prefix == null) {
            return config;
        }
        String streamsId = id.toString();
        Map<String, Object> stable = new HashMap<>(config);
        stable.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + streamsId.substring(streamsId.lastIndexOf('-') + 1));
        return stable;
    }
}
