package io.tickstock.gateway.socket;

import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import java.util.List;

/**
 * What differs between the endpoints that share the connection protocol (connect, auth, limits, ping, errors): how
 * a subscription is written and how events are framed. {@code /ws/v1} streams events; the compatibility view
 * {@code /ws/v1/stock_data} batches them per second in the older dashboard's shape.
 */
public interface View {

    /** The patterns of a subscribe/unsubscribe; {@link IllegalArgumentException} says what is wrong (400). */
    List<Subscription> patterns(String params);

    /** The ack of a subscribe or unsubscribe, listing the whole current set. */
    String subscribed(Subscriptions subscriptions);

    /** True when a subscribe gets the latest event per (symbol, type) it covers. */
    boolean snapshots();

    /** True when the view carries cursors a client can resume from. */
    boolean resumable();

    /** True when events wait for the once-a-second batch instead of going out as they come. */
    boolean batched();

    /** One frame of events, in order; {@code cursor}: where the client stands after them. */
    String frame(List<OutgoingEvent> events, boolean snapshot, String cursor);
}
