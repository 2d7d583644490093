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
 * The latest event per (symbol, type), for the snapshot a subscribe gets (SPEC §8). Bounded by symbols: past the
 * limit the symbol that has gone longest without an event is forgotten. One writer (the feed thread), many readers.
 */
public final class SnapshotCache {

    private final int maxSymbols;
    private final Map<String, Map<EventType, OutgoingEvent>> latest = new ConcurrentHashMap<>();
    /** Writer-side recency, oldest first. */
    private final LinkedHashMap<String, Boolean> recency = new LinkedHashMap<>(16, 0.75f, true);

    public SnapshotCache(int maxSymbols) {
        this.maxSymbols = maxSymbols;
    }

    /** Remembers {@code event} as the latest of its (symbol, type); called in topic order by one thread. */
    public void put(OutgoingEvent event) {
        String symbol = event.event().symbol();
        latest.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>()).put(event.event().type(), event);
        recency.put(symbol, Boolean.TRUE);
        if (recency.size() > maxSymbols) {
            String eldest = recency.keySet().iterator().next();
            recency.remove(eldest);
            latest.remove(eldest);
        }
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

    public int symbols() {
        return latest.size();
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
