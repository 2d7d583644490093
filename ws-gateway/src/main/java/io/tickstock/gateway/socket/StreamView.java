package io.tickstock.gateway.socket;

import io.tickstock.gateway.queue.ClientQueue.Drained;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import java.util.ArrayList;
import java.util.List;

/** The v1 stream {@code /ws/v1}: {@code TYPE.SYMBOL} patterns; events as they come, each with its cursor. */
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
    public String frame(List<Drained> events) {
        List<String> objects = new ArrayList<>(events.size());
        for (Drained event : events) {
            objects.add(event.render());
        }
        return Frames.array(objects);
    }
}
