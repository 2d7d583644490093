package io.tickstock.processor.topology;

import java.time.Duration;
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

    WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize) {
        return this == PERSISTENT ? Stores.persistentWindowStore(name, retention, windowSize, false)
                : Stores.inMemoryWindowStore(name, retention, windowSize, false);
    }
}
