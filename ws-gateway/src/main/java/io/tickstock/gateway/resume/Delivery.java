package io.tickstock.gateway.resume;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.resume.CatchUps.Request;
import io.tickstock.gateway.resume.CatchUps.Turn;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.SnapshotCache;
import io.tickstock.gateway.route.Subscriptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one client is owed, and in which frames: the snapshot its subscribes owe it, then the events after its
 * position, read from the log of recent events or, when the log does not cover it, from the events topic; a
 * resume's {@code resumed} at the point where everything up to the resume has been sent.
 *
 * <p>A resume moves the position back to the client's cursor; events after it arrive in order as ordinary events,
 * and a snapshot covers only state before it. A plain subscribe's snapshot is held for a moment when the connection
 * has sent nothing yet, so a {@code resume} right after it (the two-step form) trims it before anything went out.
 *
 * <p>Not thread-safe: its session serializes every call.
 */
public final class Delivery {

    /** Told of every event a client that asked for conflation does not get. */
    public interface Drops {
        void shed(int priority);

        void conflated(int priority);
    }

    /** Events for one frame, with the cursor its last event carries. */
    public record Frame(List<OutgoingEvent> events, boolean snapshot, String cursor) {
    }

    /**
     * @param maxFrameEvents most events in one frame
     * @param resumeWindow events a connection remembers sending, so that a resume on it repeats none
     * @param slowBacklog for a client that asked for conflation: events behind at which P3 is shed (from half) and
     *     P2/P3 conflated (from three quarters)
     */
    public record Limits(int maxFrameEvents, int resumeWindow, int slowBacklog) {
    }

    private static final Comparator<OutgoingEvent> IN_TOPIC_ORDER =
            Comparator.comparingLong(OutgoingEvent::offset).thenComparingInt(OutgoingEvent::partition);

    private final RecentEvents log;
    private final SnapshotCache cache;
    private final Limits limits;
    private final Drops drops;
    private final ClientPosition position;
    private final ArrayDeque<OutgoingEvent> snapshot = new ArrayDeque<>();
    private Subscriptions subscriptions = Subscriptions.NONE;
    private boolean conflate;
    private boolean holding;
    /** What this connection sent while a resume may still come; null once past the window. */
    private SentPositions sent = new SentPositions();
    private boolean resuming;
    private long resumedAt = -1;
    private boolean recovered;
    private boolean firstRead;
    private boolean reading;
    private Turn turn;
    private int turnIndex;

    public Delivery(RecentEvents log, SnapshotCache cache, Limits limits, Drops drops) {
        this.log = log;
        this.cache = cache;
        this.limits = limits;
        this.drops = drops;
        this.position = ClientPosition.at(log.head());
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /**
     * Replaces the subscriptions; with {@code snapshot}, owes the latest event of each (symbol, type) the new patterns
     * cover and the old did not, as far as the client's position (later ones reach it as events). {@code hold}: keep
     * that snapshot back until {@link #release()}, in case a resume comes.
     */
    public void subscribe(Subscriptions next, boolean snapshot, boolean hold, boolean conflate) {
        Subscriptions before = subscriptions;
        subscriptions = next;
        this.conflate = conflate;
        if (snapshot) {
            Cursor at = position.cursor();
            List<OutgoingEvent> latest = cache.select(next.coversAllSymbols() ? null : next.namedSymbols(),
                    event -> next.matches(event) && !before.matches(event) && before(event, at));
            latest.sort(IN_TOPIC_ORDER);
            this.snapshot.addAll(latest);
            holding |= hold && !latest.isEmpty() && sent != null && sent.size() == 0 && !resuming;
        }
    }

    public void unsubscribe(Subscriptions next) {
        subscriptions = next;
        snapshot.removeIf(event -> !next.matches(event));
    }

    /** Sends a held snapshot after all (no resume came). */
    public void release() {
        holding = false;
    }

    /** Why this connection cannot resume now, or null when it can. */
    public String whyNoResume() {
        if (resuming) {
            return "a resume is already replaying on this connection";
        }
        if (sent == null) {
            return "resume only at the start of a connection (within its first " + limits.resumeWindow()
                    + " events): reconnect, and subscribe with your cursor";
        }
        return null;
    }

    /**
     * Restarts from {@code cursor}: what the log holds of it comes from there, the rest from the topic (then
     * {@link #needsTopic()}). A held snapshot keeps only the state before the cursor: what came after it arrives
     * as events.
     */
    public void resume(Cursor cursor) {
        snapshot.removeIf(event -> !before(event, cursor));
        holding = false;
        resuming = true;
        recovered = true;
        RecentEvents.Head head = log.head();
        position.restartAt(cursor, log);
        if (position.inLog() && !aheadOf(cursor, head.positions())) {
            resumedAt = head.next();
        } else {
            position.leaveLog();
            firstRead = true;
        }
    }

    /** True (once) when the next events must come from the topic: the caller queues one read for them. */
    public boolean queueTopicRead() {
        if (position.inLog() || turn != null || reading) {
            return false;
        }
        reading = true;
        return true;
    }

    /** The queued topic read, or null when the client no longer needs one. */
    public Request nextRead() {
        if (!reading || position.inLog() || turn != null) {
            reading = false;
            return null;
        }
        Request request = new Request(position.given(), firstRead);
        firstRead = false;
        return request;
    }

    /** A topic read came back: its events go out next. */
    public void read(Turn read) {
        reading = false;
        recovered &= read.recovered();
        turn = read;
        turnIndex = 0;
    }

    /** The topic read failed: the client may ask again. */
    public void readFailed() {
        reading = false;
    }

    /** A resume's end, once everything up to it was sent: its {@code recovered} flag, else null. */
    public Boolean resumed() {
        if (resuming && resumedAt >= 0 && position.inLog() && position.seq() >= resumedAt && snapshot.isEmpty()) {
            resuming = false;
            resumedAt = -1;
            return recovered;
        }
        return null;
    }

    /** The next frame's events (at most about {@code maxChars}), or null when nothing is owed now. */
    public Frame next(int maxChars) {
        if (holding) {
            return null;
        }
        if (!snapshot.isEmpty()) {
            List<OutgoingEvent> events = new ArrayList<>();
            int chars = 0;
            while (!snapshot.isEmpty() && events.size() < limits.maxFrameEvents() && chars < maxChars) {
                OutgoingEvent event = snapshot.poll();
                if (firstTime(event)) {
                    events.add(event);
                    chars += event.json().length() + 1;
                }
            }
            return frame(events, true);
        }
        List<OutgoingEvent> events = turn != null ? fromTopic(maxChars)
                : position.read(log, this::wanted, limits.maxFrameEvents(), maxChars,
                        resumedAt >= 0 ? resumedAt : Long.MAX_VALUE);
        return frame(events, false);
    }

    /** For a live-only view that fell out of the log: on from the head, what it missed is not owed. */
    public void skipToLive() {
        position.restartAt(Cursor.at(log.head().positions()), log);
    }

    /** Records of the topic the client is behind the feed. */
    public long lag() {
        return position.lag(log.head().positions());
    }

    /** Whether the client stands in the log (false: it reads the topic, or waits to). */
    public boolean inLog() {
        return position.inLog();
    }

    private List<OutgoingEvent> fromTopic(int maxChars) {
        List<OutgoingEvent> events = new ArrayList<>();
        List<OutgoingEvent> read = turn.events();
        int chars = 0;
        while (turnIndex < read.size() && events.size() < limits.maxFrameEvents() && chars < maxChars) {
            OutgoingEvent event = read.get(turnIndex++);
            if (position.take(event) && wanted(event)) {
                events.add(event);
                chars += event.json().length() + 1;
            }
        }
        if (turnIndex == read.size()) {
            position.passed(turn.positions());
            turn = null;
            if (position.joinLog(log) && resuming && resumedAt < 0) {
                resumedAt = log.head().next();
            }
        }
        return events;
    }

    private Frame frame(List<OutgoingEvent> events, boolean snapshot) {
        return events.isEmpty() ? null : new Frame(events, snapshot, position.cursor().toString());
    }

    private boolean wanted(OutgoingEvent event) {
        if (!subscriptions.matches(event)) {
            return false;
        }
        if (conflate) {
            long behind = position.inLog() ? position.behind(log.head()) : limits.slowBacklog();
            int priority = event.priorityClass();
            if (priority == 3 && behind >= limits.slowBacklog() / 2) {
                drops.shed(priority);
                return false;
            }
            if (priority >= 2 && behind >= limits.slowBacklog() * 3L / 4 && cache.superseded(event)) {
                drops.conflated(priority);
                return false;
            }
        }
        return firstTime(event);
    }

    /** Remembers what it sent while a resume may still come, so its replay never repeats an event. */
    private boolean firstTime(OutgoingEvent event) {
        if (sent == null) {
            return true;
        }
        if (!sent.add(event.position())) {
            return false;
        }
        if (sent.size() > limits.resumeWindow() && !resuming) {
            sent = null;
        }
        return true;
    }

    private static boolean before(OutgoingEvent event, Cursor cursor) {
        return event.partition() < cursor.partitions()
                && event.offset() < cursor.next(event.priorityClass(), event.partition());
    }

    private static boolean aheadOf(Cursor cursor, long[] positions) {
        for (int partition = 0; partition < cursor.partitions() && partition < positions.length; partition++) {
            if (cursor.lowest(partition) > positions[partition]) {
                return true;
            }
        }
        return false;
    }
}
