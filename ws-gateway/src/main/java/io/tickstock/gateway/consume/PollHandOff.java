package io.tickstock.gateway.consume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One poll's events on their way to the fan-out, in parts: decoding a poll of a burst (hundreds of events) takes
 * milliseconds, and its first events should not wait for its last. A part goes once its first event has waited
 * {@code maxWaitNanos}; it carries where the feed stands after its last record, never the poll's end, so no cursor
 * built from it claims a record a later part brings.
 *
 * <p>Feed thread only.
 */
final class PollHandOff {

    private final FeedListener fanout;
    private final long maxWaitNanos;
    private final LongSupplier nanoClock;
    private long[] reached = new long[0];
    private List<OutgoingEvent> part = new ArrayList<>();
    private long firstAt;

    PollHandOff(FeedListener fanout, long maxWaitNanos, LongSupplier nanoClock) {
        this.fanout = fanout;
        this.maxWaitNanos = maxWaitNanos;
        this.nanoClock = nanoClock;
    }

    /** A poll starts where the previous one ended ({@code positions}, per partition). */
    void start(long[] positions) {
        reached = positions.clone();
        part = new ArrayList<>();
    }

    /** The poll's record at {@code offset} of {@code partition} was read; {@code event}: what it brings, or null. */
    void read(int partition, long offset, OutgoingEvent event) {
        reached[partition] = Math.max(reached[partition], offset + 1);
        if (event == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (part.isEmpty()) {
            firstAt = now;
        }
        part.add(event);
        if (now - firstAt >= maxWaitNanos) {
            fanout.deliver(part, reached.clone());
            part = new ArrayList<>();
        }
    }

    /**
     * The poll is read: what is left goes with where the feed stands now ({@code next}: past transaction markers
     * too), or, with nothing left, only if {@code moved} (the position alone is news to clients waiting on it).
     */
    void finish(long[] next, boolean moved) {
        if (!part.isEmpty() || moved) {
            fanout.deliver(part, next);
        }
        part = new ArrayList<>();
    }
}
