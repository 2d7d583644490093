package io.tickstock.gateway.consume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.List;

/** What the feed hands its events to: the fan-out, downstream of it. */
public interface FeedListener {

    /** The feed goes live at {@code positions} (per partition): clients are owed what follows. */
    void begin(long[] positions);

    /** A poll's events, in the feed's order; {@code positions}: where the feed stands in every partition after it. */
    void deliver(List<OutgoingEvent> batch, long[] positions);
}
