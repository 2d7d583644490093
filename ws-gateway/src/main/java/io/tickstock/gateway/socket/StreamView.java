package io.tickstock.gateway.socket;

import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import java.util.List;

/** The v1 stream {@code /ws/v1}: {@code TYPE.SYMBOL} patterns; events as they come, a cursor on each frame. */
public final class StreamView implements View {

    public static final StreamView INSTANCE = new StreamView();

    private StreamView() {
    }

    @Override
    public List<Subscription> patterns(String params) {
        return Subscriptions.parseParams(params);
    }

    @Override
    public String subscribed(Subscriptions subscriptions) {
        return Frames.subscribed(subscriptions.asText());
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public String frame(List<OutgoingEvent> events, boolean snapshot, String cursor) {
        return Frames.events(events, snapshot, cursor);
    }
}
