package io.tickstock.perf.dedup;

import io.tickstock.model.Channel;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events of one events topic, by id: how often each id was committed, and where its first copy came from. */
public final class CommittedIds {

    /** An event reduced to what the audit judges: its kind, its symbol and its input record. */
    record Event(String id, EventType type, String symbol, String topic, int partition, long offset) {

        Channel channel() {
            return type.channel();
        }
    }

    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, Integer> copies = new HashMap<>();

    public void add(MarketEvent event) {
        events.putIfAbsent(event.id(), new Event(event.id(), event.type(), event.symbol(), event.source().topic(),
                event.source().partition(), event.source().offset()));
        copies.merge(event.id(), 1, Integer::sum);
    }

    /** Every id once, with its first copy. */
    Collection<Event> events() {
        return events.values();
    }

    boolean contains(String id) {
        return events.containsKey(id);
    }

    /** How many times {@code id} was committed. */
    int copies(String id) {
        return copies.getOrDefault(id, 0);
    }
}
