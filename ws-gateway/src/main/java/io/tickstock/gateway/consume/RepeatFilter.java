package io.tickstock.gateway.consume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each recent event id first appeared in {@code tickstock.events}, so an id written twice (an input
 * re-sent after the processor's dedup window, say) reaches clients only from its first position, live and in
 * replays alike (SPEC §5.3). Bounded: the oldest ids are forgotten first. One writer (the feed), many readers.
 */
public final class RepeatFilter {

    private final int capacity;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();

    public RepeatFilter(int capacity) {
        this.capacity = capacity;
    }

    /** Records an id read by the feed; true when it is new or this is the position it was first seen at. */
    public boolean firstAt(String id, int partition, long offset) {
        long position = OutgoingEvent.position(partition, offset);
        Long first = firstSeen.putIfAbsent(id, position);
        if (first == null) {
            order.add(id);
            if (order.size() > capacity) {
                firstSeen.remove(order.poll());
            }
            return true;
        }
        return first == position;
    }

    /** For replays, which must not change what the feed remembers: true when the id appeared first elsewhere. */
    public boolean repeatedElsewhere(String id, int partition, long offset) {
        Long first = firstSeen.get(id);
        return first != null && first != OutgoingEvent.position(partition, offset);
    }
}
