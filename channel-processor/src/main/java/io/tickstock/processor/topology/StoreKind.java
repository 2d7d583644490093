package io.tickstock.processor.topology;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the stores keep their data between changelog writes: in memory (the default: every store is read and
 * written on every record, and the whole state of the surge fits in tens of megabytes), or in RocksDB on disk.
 * docs/architecture.md "State and exactly-once" has the measurements behind the default.
 */
public enum StoreKind {
    IN_MEMORY,
    ROCKSDB;

    /**
     * Changelog settings. A changelog is compacted, but Kafka compacts only closed segments: with the broker's
     * default segment size a restore would replay hours of every write. Small segments, compacted early, keep what
     * a restart replays close to the live state; deleted seconds of the tick series leave their tombstones only
     * for a few minutes.
     */
    static final Map<String, String> CHANGELOG = Map.of(
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1",
            TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(10 * 60 * 1000));

    KeyValueBytesStoreSupplier keyValue(String name) {
        return this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
