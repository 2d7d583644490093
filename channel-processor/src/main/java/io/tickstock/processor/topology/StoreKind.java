package io.tickstock.processor.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * How the stores keep their data. Production is always RocksDB with changelogs. Topology tests may keep them in
 * memory: {@code TopologyTestDriver} commits (and so flushes RocksDB to disk) after every single record, which turns
 * a test of a few thousand records into minutes without testing anything more.
 */
public enum StoreKind {
    PERSISTENT,
    IN_MEMORY;

    KeyValueBytesStoreSupplier keyValue(String name) {
        return this == PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    /**
     * Changelog settings of the window stores. Their changelogs are deleted by time, and Kafka judges a record's age
     * by its timestamp, which is the EVENT time: replaying history (or a feed that lags) would have the broker roll
     * and delete the changelog at once, and a restarted processor would restore an incomplete state. Stamping the
     * changelog with the broker's append time keeps it as long as the store needs it, by the wall clock.
     */
    static final Map<String, String> WINDOW_CHANGELOG = Map.of(
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize) {
        return this == PERSISTENT ? Stores.persistentWindowStore(name, retention, windowSize, false)
                : Stores.inMemoryWindowStore(name, retention, windowSize, false);
    }
}
