package io.tickstock.gateway.socket;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A connection's frames on their way out: replies (acks, statuses, errors) wait here and go before any event not yet
 * framed; one frame is on the wire at a time, with the events it carries until Vert.x reports it written. The caller
 * holds the session's lock.
 */
final class Outbox {

    private final ArrayDeque<String> replies = new ArrayDeque<>();
    private final int maxReplies;
    private List<OutgoingEvent> onTheWire = List.of();
    private boolean writing;

    Outbox(int maxReplies) {
        this.maxReplies = maxReplies;
    }

    /** Queues a reply; false when the client has let {@code maxReplies} pile up (it is too slow even for those). */
    boolean reply(String frame) {
        if (replies.size() >= maxReplies) {
            return false;
        }
        replies.add(frame);
        return true;
    }

    /** The next reply, or null. */
    String nextReply() {
        return replies.poll();
    }

    int replies() {
        return replies.size();
    }

    /** Drops what waits (the connection is closing): {@code last}, if any, is then the only reply left. */
    void replaceWith(String last) {
        replies.clear();
        if (last != null) {
            replies.add(last);
        }
    }

    /** A frame goes on the wire, carrying {@code events} (none for a reply). */
    void writing(List<OutgoingEvent> events) {
        writing = true;
        onTheWire = events;
    }

    /** The frame on the wire is written (or lost): its events, to count. */
    List<OutgoingEvent> written() {
        List<OutgoingEvent> events = onTheWire;
        writing = false;
        onTheWire = List.of();
        return events;
    }

    /** True while a frame is on the wire. */
    boolean busy() {
        return writing;
    }
}
