package io.tickstock.gateway.queue;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.List;

/**
 * The events the feed read last, in its order, shared by every client of the replica: a client is a position in it,
 * not a queue of its own, so the gateway's memory does not grow with the number of clients or with how far behind
 * they are. The log keeps the latest {@code capacity} events; a client that falls further behind than that reads the
 * events topic instead (Kafka is the buffer) until it is back inside.
 *
 * <p>One writer (the feed thread), many readers (the clients' sends), no locks: a reader checks that the slot still
 * holds the sequence number it asked for.
 */
public final class RecentEvents {

    /**
     * Where the log stands after the feed's latest batch.
     *
     * @param next the sequence number the next event will get: the log holds {@code oldest} … {@code next - 1}
     * @param positions the feed's position in each partition: every record before it is in the log or was evicted
     * @param floor per partition, the offset before which events are no longer in the log
     */
    public record Head(long next, long oldest, long[] positions, long[] floor) {

        /** True when a client that had every event before {@code given} (per partition) finds the rest here. */
        public boolean covers(long[] given) {
            for (int partition = 0; partition < floor.length; partition++) {
                if (partition >= given.length || given[partition] < floor[partition]) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Slot(long seq, OutgoingEvent event) {
    }

    private final Slot[] slots;
    private long[] floor = new long[0];
    private volatile Head head = new Head(0, 0, new long[0], new long[0]);

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the log of recent events needs room for one at least, not " + capacity);
        }
        this.slots = new Slot[capacity];
    }

    /** The feed goes live at {@code positions}: what lies before them never enters the log. */
    public void begin(long[] positions) {
        floor = positions.clone();
        head = new Head(head.next(), head.oldest(), positions.clone(), floor.clone());
    }

    /** Appends the feed's batch (feed thread only); {@code positions}: where the feed stands after it. */
    public void append(List<OutgoingEvent> batch, long[] positions) {
        long seq = head.next();
        for (OutgoingEvent event : batch) {
            int index = index(seq);
            Slot evicted = slots[index];
            if (evicted != null) {
                int partition = evicted.event().partition();
                floor[partition] = Math.max(floor[partition], evicted.event().offset() + 1);
            }
            slots[index] = new Slot(seq, event);
            seq++;
        }
        head = new Head(seq, Math.max(0, seq - slots.length), positions.clone(), floor.clone());
    }

    public Head head() {
        return head;
    }

    /** The event numbered {@code seq}, or null when it has left the log (or is not in it yet). */
    public OutgoingEvent at(long seq) {
        Slot slot = slots[index(seq)];
        return slot != null && slot.seq() == seq ? slot.event() : null;
    }

    public int capacity() {
        return slots.length;
    }

    private int index(long seq) {
        return (int) (seq % slots.length);
    }
}
