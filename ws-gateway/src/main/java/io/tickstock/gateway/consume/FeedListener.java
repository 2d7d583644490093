package io.tickstock.gateway.consume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.List;

/** What the feed hands its events to: the fan-out, downstream of it. */
public interface FeedListener {

    /** The feed goes live at {@code positions} (per partition): clients are owed what follows. */
    void begin(long[] positions);

    /**
     * Events of a poll (all of them, or a part), in the feed's order; {@code positions}: where the feed stands in
     * every partition after them.
     */
    void deliver(List<OutgoingEvent> batch, long[] positions);
}
