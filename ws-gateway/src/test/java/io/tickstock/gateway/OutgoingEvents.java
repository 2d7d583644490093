package io.tickstock.gateway;

import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;

/** Events as the feed hands them on, for unit tests: the id names the position ({@code "2-17"}: partition 2, 17). */
public final class OutgoingEvents {

    private OutgoingEvents() {
    }

    public static OutgoingEvent event(int partition, long offset, int priority, EventType type, String symbol) {
        String id = partition + "-" + offset;
        return new OutgoingEvent(id, type, symbol, Direction.UP, 1, priority, type.channel(), 0, 0, partition, offset,
                "{\"id\":\"" + id + "\"");
    }

    /** A P1 high of symbol {@code S<partition>}. */
    public static OutgoingEvent event(int partition, long offset) {
        return event(partition, offset, 1, EventType.HIGH, "S" + partition);
    }
}
