package io.tickstock.gateway.route;

import io.tickstock.model.EventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The latest event per (symbol, type), for the snapshot a subscribe gets (SPEC §8) and for conflation. Bounded by
 * entries, inside the gateway's heap budget: past the limit, the symbols that have gone longest without an event are
 * forgotten, all their types at once. One writer (the feed thread), many readers.
 */
public final class SnapshotCache {

    private final int maxEntries;
    private final Map<String, Map<EventType, OutgoingEvent>> latest = new ConcurrentHashMap<>();
    /** Writer-side: entries per symbol, the symbol that went longest without an event first. */
    private final LinkedHashMap<String, Integer> recency = new LinkedHashMap<>(16, 0.75f, true);
    private volatile int entries;

    public SnapshotCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the snapshot cache needs room for one entry at least, not "
                    + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** Remembers {@code event} as the latest of its (symbol, type); called in topic order by one thread. */
    public void put(OutgoingEvent event) {
        String symbol = event.symbol();
        OutgoingEvent before = latest.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>()).put(event.type(), event);
        int added = before == null ? 1 : 0;
        recency.merge(symbol, added, Integer::sum);
        int count = entries + added;
        while (count > maxEntries && recency.size() > 1) {
            Map.Entry<String, Integer> eldest = recency.entrySet().iterator().next();
            recency.remove(eldest.getKey());
            latest.remove(eldest.getKey());
            count -= eldest.getValue();
        }
        entries = count;
    }

    /**
     * The latest events {@code wanted} selects, among those of {@code symbols} (null: every symbol). The caller
     * narrows to named symbols when it can, so a subscribe to one symbol does not scan them all.
     */
    public List<OutgoingEvent> select(Collection<String> symbols, Predicate<OutgoingEvent> wanted) {
        List<OutgoingEvent> selected = new ArrayList<>();
        if (symbols == null) {
            latest.values().forEach(byType -> collect(byType, wanted, selected));
        } else {
            for (String symbol : symbols) {
                Map<EventType, OutgoingEvent> byType = latest.get(symbol);
                if (byType != null) {
                    collect(byType, wanted, selected);
                }
            }
        }
        return selected;
    }

    /** True when a later event of the same (symbol, type) as {@code event} has been read: it is superseded. */
    public boolean superseded(OutgoingEvent event) {
        Map<EventType, OutgoingEvent> byType = latest.get(event.symbol());
        OutgoingEvent newest = byType == null ? null : byType.get(event.type());
        return newest != null && newest.offset() > event.offset();
    }

    /** Events held: at most the configured entries. */
    public int entries() {
        return entries;
    }

    private static void collect(Map<EventType, OutgoingEvent> byType, Predicate<OutgoingEvent> wanted,
            List<OutgoingEvent> into) {
        for (OutgoingEvent event : byType.values()) {
            if (wanted.test(event)) {
                into.add(event);
            }
        }
    }
}
