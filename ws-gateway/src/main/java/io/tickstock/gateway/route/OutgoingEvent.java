package io.tickstock.gateway.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.Json;

/**
 * An event read from {@code tickstock.events}, written once for every client of the replica: what routing, metrics
 * and the compatibility view read, where it lies in the topic, and its wire form. Every client's frame copies the
 * same {@code json}; only the frame's last event gets the client's cursor appended.
 *
 * @param priorityClass the priority clamped to 0..3 (SPEC §6)
 * @param ingestTs when ingest accepted the input, epoch ms (0 when unknown)
 * @param json {@code {"ev":"event",…the event record…,"gatewayReadUs":N} without its closing brace
 */
public record OutgoingEvent(String id, EventType type, String symbol, Direction direction, double price,
        int priorityClass, Channel channel, long eventTime, long ingestTs, int partition, long offset, String json) {

    /** Priorities 0 to 3 (SPEC §6). */
    public static final int PRIORITIES = 4;

    /**
     * Writes the event's JSON object once, stamped with when this gateway read it ({@code readMicros}, epoch
     * microseconds): what a client measures the gateway's own share of the latency against.
     */
    public static OutgoingEvent of(MarketEvent event, int partition, long offset, long readMicros) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ev", "event");
        node.setAll((ObjectNode) Json.mapper().valueToTree(event));
        node.put("gatewayReadUs", readMicros);
        try {
            String object = Json.mapper().writeValueAsString(node);
            return new OutgoingEvent(event.id(), event.type(), event.symbol(), event.direction(), event.price(),
                    classOf(event.priority()), event.channel(), event.eventTime(),
                    event.source() == null ? 0 : event.source().ingestTs(), partition, offset,
                    object.substring(0, object.length() - 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event read from JSON always writes back", e);
        }
    }

    /** The priority class of a priority: clamped to 0..3. */
    public static int classOf(int priority) {
        return Math.max(0, Math.min(PRIORITIES - 1, priority));
    }

    /**
     * A place in the topic as one long (48 bits of offset: 2.8e14 records): an id reaches clients only from the
     * position it first appeared at, so a position stands for its id.
     */
    public static long position(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    /** Where this event lies in the topic, packed: {@link #position(int, long)}. */
    public long position() {
        return position(partition, offset);
    }

    /** The key conflation and snapshots work on: one latest event per (symbol, type). */
    public String key() {
        return type.wireName() + '.' + symbol;
    }
}
