package io.tickstock.processor.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.jboss.logging.Logger;

/**
 * How long this instance was without the state it needs: one restore episode runs from the first store partition
 * that starts restoring from its changelog until none is left restoring (after a crash on the same volume, after
 * taking over a lost instance's tasks, with or without a warm standby). Each episode is one sample of
 * {@code tickstock.processor.restore} and one log line; {@code tickstock.processor.restore.records} counts the
 * changelog records replayed. Quarkus registers the bean as Kafka Streams' global restore listener; a singleton,
 * so its meters exist (at zero) from the start.
 */
@Singleton
public class RestoreTimer implements StateRestoreListener {

    private static final Logger LOG = Logger.getLogger(RestoreTimer.class);

    private final Timer episodes;
    private final Counter records;
    private final LongSupplier nanoClock;
    private final Set<String> restoring = new HashSet<>();
    private long episodeStart;
    private long episodeRecords;
    private int episodeStores;

    @Inject
    public RestoreTimer(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    RestoreTimer(MeterRegistry registry, LongSupplier nanoClock) {
        this.episodes = Timer.builder("tickstock.processor.restore")
                .description("state restorations: first store partition restoring until none is")
                .register(registry);
        this.records = registry.counter("tickstock.processor.restore.records");
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void onRestoreStart(TopicPartition partition, String store, long startingOffset,
            long endingOffset) {
        if (restoring.isEmpty()) {
            episodeStart = nanoClock.getAsLong();
            episodeRecords = 0;
            episodeStores = 0;
        }
        restoring.add(key(partition, store));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        records.increment(restored);
        synchronized (this) {
            episodeRecords += restored;
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        finished(partition, store);
    }

    /** A task moved away while restoring (a rebalance): its partition no longer holds the episode open. */
    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        finished(partition, store);
    }

    private synchronized void finished(TopicPartition partition, String store) {
        if (!restoring.remove(key(partition, store))) {
            return;
        }
        episodeStores++;
        if (restoring.isEmpty()) {
            long nanos = nanoClock.getAsLong() - episodeStart;
            episodes.record(Duration.ofNanos(nanos));
            // a restart on its own volume restores nothing: worth a line only when records were replayed
            LOG.logf(episodeRecords > 0 ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "state restored: %d store partitions, %d changelog records in %d ms", episodeStores,
                    episodeRecords, nanos / 1_000_000);
        }
    }

    private static String key(TopicPartition partition, String store) {
        return store + "@" + partition;
    }
}
