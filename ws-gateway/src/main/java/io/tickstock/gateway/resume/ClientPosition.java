package io.tickstock.gateway.resume;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.queue.RecentEvents.Head;
import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where one client stands: its place in the log of recent events while it is inside it, and always its cursor, the
 * next offset per partition it has not been given. A client that falls out of the log (it read too slowly, or
 * resumed from an old cursor) reads the events topic from its cursor until the log covers it again; the cursor makes
 * the hand-over in either direction exact, since both sources deliver each partition in offset order.
 *
 * <p>Not thread-safe: its session serializes every call.
 */
public final class ClientPosition {

    private final long[] given;
    /** What a per-priority resume cursor says the client had beyond {@link #given}; null once nothing. */
    private Cursor had;
    private long seq;
    private boolean inLog;

    private ClientPosition(long[] given, long seq, boolean inLog) {
        this.given = given;
        this.seq = seq;
        this.inLog = inLog;
    }

    /** A new connection: owed what comes after the log's head. */
    public static ClientPosition at(Head head) {
        return new ClientPosition(head.positions().clone(), head.next(), true);
    }

    /**
     * Moves to {@code cursor} (a resume): into the log when it holds everything the cursor is owed, else out of it,
     * to read the events topic from {@link #given()}.
     */
    public void restartAt(Cursor cursor, RecentEvents log) {
        for (int partition = 0; partition < given.length; partition++) {
            given[partition] = partition < cursor.partitions() ? cursor.lowest(partition) : 0;
        }
        had = cursor;
        inLog = false;
        joinLog(log);
    }

    /**
     * Back into the log if it now covers the cursor, past the events the client had already; true when in it
     * (again).
     */
    public boolean joinLog(RecentEvents log) {
        Head head = log.head();
        if (!inLog && head.covers(given)) {
            seq = head.oldest();
            for (OutgoingEvent event = log.at(seq); event != null && seq < head.next()
                    && event.offset() < given[event.partition()]; event = log.at(seq)) {
                seq++;
            }
            inLog = true;
        }
        return inLog;
    }

    /** Out of the log: the next events come from the topic (the caller found the log cannot serve them). */
    public void leaveLog() {
        inLog = false;
    }

    /**
     * The next events for one frame from the log, those {@code wanted} selects among the ones not given yet, at most
     * {@code maxEvents} or about {@code maxChars}, none at or after {@code until}. Finding its place evicted, the
     * client leaves the log ({@link #inLog()} false) with what it read so far.
     */
    public List<OutgoingEvent> read(RecentEvents log, Predicate<OutgoingEvent> wanted, int maxEvents, int maxChars,
            long until) {
        List<OutgoingEvent> events = new ArrayList<>();
        if (!inLog) {
            return events;
        }
        Head head = log.head();
        long end = Math.min(head.next(), until);
        int chars = 0;
        while (seq < end && events.size() < maxEvents && chars < maxChars) {
            OutgoingEvent event = log.at(seq);
            if (event == null) {
                inLog = false;
                return events;
            }
            seq++;
            if (take(event) && wanted.test(event)) {
                events.add(event);
                chars += event.json().length() + 1;
            }
        }
        if (seq == head.next()) {
            passed(head.positions());
        }
        return events;
    }

    /** True when {@code event} is one the client has not been given; it counts as given from now on. */
    public boolean take(OutgoingEvent event) {
        int partition = event.partition();
        if (partition >= given.length || event.offset() < given[partition]) {
            return false;
        }
        given[partition] = event.offset() + 1;
        return had == null || event.offset() >= had.next(event.priorityClass(), partition);
    }

    /** Every record before {@code positions} was read (matching or not, transaction markers included). */
    public void passed(long[] positions) {
        for (int partition = 0; partition < given.length && partition < positions.length; partition++) {
            given[partition] = Math.max(given[partition], positions[partition]);
        }
    }

    /** The cursor a frame carries: everything before it was given (or not wanted), nothing from it on. */
    public Cursor cursor() {
        return had == null ? Cursor.at(given) : had.atLeast(given);
    }

    /** Records of the topic the client is behind {@code positions} (the feed's), over all partitions. */
    public long lag(long[] positions) {
        long lag = 0;
        for (int partition = 0; partition < given.length && partition < positions.length; partition++) {
            lag += Math.max(0, positions[partition] - given[partition]);
        }
        return lag;
    }

    /** Events of the log the client has not passed yet (0 outside it). */
    public long behind(Head head) {
        return inLog ? Math.max(0, head.next() - seq) : 0;
    }

    public boolean inLog() {
        return inLog;
    }

    /** The next offset per partition the client has not been given: where a read of the topic starts. */
    public long[] given() {
        return given.clone();
    }

    /** Where in the log it reads next. */
    public long seq() {
        return seq;
    }

    @Override
    public String toString() {
        return (inLog ? "log@" + seq : "topic") + " " + Arrays.toString(given);
    }
}
