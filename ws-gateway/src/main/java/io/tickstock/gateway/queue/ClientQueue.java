package io.tickstock.gateway.queue;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One client's bounded queue of events waiting for its socket, and the bookkeeping that makes its {@link Cursor}
 * exact.
 *
 * <p>A client that keeps up gets events in the order the feed read them (so per symbol in order). Under pressure
 * (it carried a quarter of its limit into the latest batch: its capacity, or less when the replica's queue budget,
 * a {@link SharedLimit}, is shared among many clients) the queue drains by priority, P0 first, FIFO within a
 * priority, and the slow-client policy (SPEC §8) applies, judged on that carried backlog so that one large poll
 * never counts against a client that was keeping up: from half full, new P3 events are shed; from three quarters, a
 * new P2/P3 event replaces the queued one of the same (symbol, type) (conflation); when full, the oldest queued P3
 * makes room; when none is left, the offer answers {@link Outcome#FULL} and the caller closes the client with 407.
 * P0/P1 are never dropped: a client too slow for them is disconnected loudly and resumes from its cursor. A
 * conflated event leaves its place and the newer one joins at the back, so each priority stays in offset order,
 * which is all the cursor needs.
 *
 * <p>Not thread-safe: its session serializes every call.
 */
public final class ClientQueue {

    /** What became of an offered event. */
    public enum Outcome { QUEUED, SKIPPED, SHED, CONFLATED, FULL }

    /** Told of every event the policy drops, so the counts reach metrics and the client. */
    public interface Drops {
        void shed(int priority);

        void conflated(int priority);
    }

    /** An event leaving the queue with the client's cursor just after it. */
    public record Drained(OutgoingEvent event, String cursor, boolean snapshot) {
        public String render() {
            return event.render(cursor, snapshot);
        }

        public int renderedLength() {
            return event.renderedLength(cursor, snapshot);
        }
    }

    private static final class Entry {
        private final OutgoingEvent event;
        private final long arrival;
        private boolean dead;

        private Entry(OutgoingEvent event, long arrival) {
            this.event = event;
            this.arrival = arrival;
        }
    }

    private final int capacity;
    private final Drops drops;
    private final ArrayDeque<Entry>[] byPriority;
    private final ArrayDeque<Entry>[][] byPartition;
    private final Map<String, Entry> conflatable = new HashMap<>();
    private final ArrayDeque<OutgoingEvent> snapshot = new ArrayDeque<>();
    private final long[] offered;
    private final long[][] floor;
    /** This client's share of the replica's queue budget at the latest batch, at most the capacity. */
    private int limit;
    private volatile int size;
    private int dead;
    private int backlog;
    private long arrivals;

    /**
     * @param start the feed's position when the client arrived: it is owed nothing before it
     * @param capacity most events queued at once
     */
    @SuppressWarnings("unchecked")
    public ClientQueue(long[] start, int capacity, Drops drops) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a client queue needs room for at least 4 events, not " + capacity);
        }
        this.capacity = capacity;
        this.limit = capacity;
        this.drops = drops;
        this.offered = start.clone();
        this.floor = new long[Cursor.PRIORITIES][start.length];
        this.byPriority = new ArrayDeque[Cursor.PRIORITIES];
        this.byPartition = new ArrayDeque[Cursor.PRIORITIES][start.length];
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            byPriority[priority] = new ArrayDeque<>();
            for (int partition = 0; partition < start.length; partition++) {
                byPartition[priority][partition] = new ArrayDeque<>();
            }
        }
    }

    /**
     * A batch from the feed (or a replay) begins: the policy judges what the client carried into it, against
     * {@code share} (its part of the replica's queue budget, at most the capacity).
     */
    public void startBatch(int share) {
        limit = Math.min(share, capacity);
        backlog = size;
    }

    /** Offers the next matching event of its partition; events at or before what was offered already are skipped. */
    public Outcome offer(OutgoingEvent event) {
        int partition = event.partition();
        if (event.offset() < offered[partition]) {
            return Outcome.SKIPPED;
        }
        offered[partition] = event.offset() + 1;
        int priority = event.priorityClass();
        if (event.offset() < floor[priority][partition]) {
            return Outcome.SKIPPED;
        }
        if (priority == 3 && backlog >= limit / 2) {
            drops.shed(priority);
            return Outcome.SHED;
        }
        if (backlog >= limit * 3 / 4) {
            Entry older = conflatable.get(event.key());
            if (older != null) {
                kill(older);
                append(event);
                drops.conflated(older.event.priorityClass());
                return Outcome.CONFLATED;
            }
        }
        if (backlog >= limit && !shedOldest()) {
            return Outcome.FULL;
        }
        append(event);
        return Outcome.QUEUED;
    }

    /** Records that every record of {@code partition} before {@code position} was offered (matching or not). */
    public void advance(int partition, long position) {
        offered[partition] = Math.max(offered[partition], position);
    }

    /** Queues a subscribe's snapshot: sent before any queued event, since it is older than all of them. */
    public void addSnapshot(Iterable<OutgoingEvent> events) {
        events.forEach(snapshot::add);
    }

    /** Where this client stands in partition {@code partition}: the next offset it is owed. */
    public long offered(int partition) {
        return offered[partition];
    }

    /** The next event to send: snapshot first, then in feed order, or by priority under pressure; null if none. */
    public Drained next() {
        OutgoingEvent fromSnapshot = snapshot.poll();
        if (fromSnapshot != null) {
            return new Drained(fromSnapshot, cursor().toString(), true);
        }
        boolean underPressure = backlog >= limit / 4;
        Entry next = null;
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            Entry head = firstLive(byPriority[priority]);
            if (head != null && (next == null || head.arrival < next.arrival)) {
                next = head;
                if (underPressure) {
                    break;
                }
            }
        }
        if (next == null) {
            return null;
        }
        int priority = next.event.priorityClass();
        byPriority[priority].poll();
        firstLive(byPartition[priority][next.event.partition()]);
        byPartition[priority][next.event.partition()].poll();
        conflatable.remove(next.event.key(), next);
        size--;
        return new Drained(next.event, cursor().toString(), false);
    }

    /** Drops queued events (live and snapshot) that {@code unwanted} selects: the client unsubscribed from them. */
    public void purge(Predicate<OutgoingEvent> unwanted) {
        snapshot.removeIf(unwanted);
        for (ArrayDeque<Entry> queue : byPriority) {
            for (Entry entry : queue) {
                if (!entry.dead && unwanted.test(entry.event)) {
                    kill(entry);
                }
            }
        }
    }

    /**
     * Starts over from a resume cursor: queued events are dropped (the replay brings them again) and the queue takes
     * offers from {@code start}, skipping per priority what the cursor says the client had.
     */
    public void restartAt(Cursor cursor, long[] start) {
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            byPriority[priority].clear();
            for (int partition = 0; partition < offered.length; partition++) {
                byPartition[priority][partition].clear();
                floor[priority][partition] = partition < cursor.partitions() ? cursor.next(priority, partition) : 0;
            }
        }
        conflatable.clear();
        size = 0;
        dead = 0;
        backlog = 0;
        System.arraycopy(start, 0, offered, 0, offered.length);
    }

    /** The exact cursor now: per priority and partition, the oldest queued offset, else everything offered. */
    public Cursor cursor() {
        long[][] next = new long[Cursor.PRIORITIES][offered.length];
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            for (int partition = 0; partition < offered.length; partition++) {
                Entry oldest = firstLive(byPartition[priority][partition]);
                next[priority][partition] = oldest != null ? oldest.event.offset()
                        : Math.max(offered[partition], floor[priority][partition]);
            }
        }
        return Cursor.of(next);
    }

    /** Events waiting, not counting a snapshot. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0 && snapshot.isEmpty();
    }

    private void append(OutgoingEvent event) {
        Entry entry = new Entry(event, arrivals++);
        int priority = event.priorityClass();
        byPriority[priority].add(entry);
        byPartition[priority][event.partition()].add(entry);
        if (priority >= 2) {
            conflatable.put(event.key(), entry);
        }
        size++;
    }

    private void kill(Entry entry) {
        entry.dead = true;
        conflatable.remove(entry.event.key(), entry);
        size--;
        if (++dead > capacity) {
            compact();
        }
    }

    private boolean shedOldest() {
        for (Entry entry : byPriority[3]) {
            if (!entry.dead) {
                kill(entry);
                drops.shed(3);
                return true;
            }
        }
        return false;
    }

    /** Conflation leaves dead entries behind; a stalled client must not turn them into a leak. */
    private void compact() {
        for (int priority = 0; priority < Cursor.PRIORITIES; priority++) {
            removeDead(byPriority[priority]);
            for (ArrayDeque<Entry> ofPartition : byPartition[priority]) {
                removeDead(ofPartition);
            }
        }
        dead = 0;
    }

    private static void removeDead(ArrayDeque<Entry> queue) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().dead) {
                it.remove();
            }
        }
    }

    private static Entry firstLive(ArrayDeque<Entry> queue) {
        Entry head = queue.peek();
        while (head != null && head.dead) {
            queue.poll();
            head = queue.peek();
        }
        return head;
    }
}
