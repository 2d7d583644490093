package io.tickstock.processor.dedup;

import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops re-deliveries of one provider message (SPEC §5.1): reconnect replays, producer retries, a replayed file.
 * Identities are remembered in a window store for the retention period of event time; the store's changelog makes
 * the memory survive restarts, and because identities carry the symbol they live in the symbol's partition.
 */
public final class InputDeduplicator {

    private final WindowStore<String, Long> seen;
    private final long retentionMillis;

    public InputDeduplicator(WindowStore<String, Long> seen, long retentionMillis) {
        this.seen = seen;
        this.retentionMillis = retentionMillis;
    }

    /** True the first time an identity is offered within the retention; false for every later sighting. */
    public boolean firstSighting(String identity, long eventTime) {
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(identity, eventTime - retentionMillis, eventTime + retentionMillis)) {
            if (earlier.hasNext()) {
                return false;
            }
        }
        seen.put(identity, eventTime, eventTime);
        return true;
    }
}
