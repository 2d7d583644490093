package io.tickstock.processor.engine;

import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.apache.kafka.streams.state.RocksDBConfigSetter;

/**
 * Bounds the off-heap memory of every RocksDB store of the process: all stores share ONE block cache, and their
 * memtables are charged to that same cache through a write-buffer manager, with index and filter blocks inside it
 * too. Without this, each store of each task takes its own defaults (tens of MiB each) and memory grows with the
 * partition count. Sizes come from {@code rocksdb.memory.total.bytes} and {@code rocksdb.memory.write-buffer.ratio}
 * in the Kafka Streams configuration; the shared cache is created once, by the first store configured.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES = "rocksdb.memory.total.bytes";
    public static final String WRITE_BUFFER_RATIO = "rocksdb.memory.write-buffer.ratio";
    static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;
    static final double DEFAULT_WRITE_BUFFER_RATIO = 0.25;
    /** Memtable size per store: small, since the write-buffer manager bounds the total anyway. */
    private static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;
    private static final int MAX_WRITE_BUFFERS = 2;

    private static Shared shared;

    /** The one cache and write-buffer manager of the process. */
    record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            long total = number(configs.get(TOTAL_BYTES), DEFAULT_TOTAL_BYTES);
            double ratio = configs.get(WRITE_BUFFER_RATIO) == null ? DEFAULT_WRITE_BUFFER_RATIO
                    : Double.parseDouble(configs.get(WRITE_BUFFER_RATIO).toString());
            // strict capacity limit off: a full cache evicts instead of failing reads
            Cache cache = new LRUCache(total, -1, false, 0.1);
            shared = new Shared(total, cache, new WriteBufferManager((long) (total * ratio), cache));
        }
        return shared;
    }

    private static long number(Object value, long fallback) {
        return value == null ? fallback : Long.parseLong(value.toString());
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(MAX_WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared by every store of the process: never closed per store
    }
}
