package io.tickstock.gateway.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.gateway.queue.Cursor;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.Json;

/**
 * An event read from {@code tickstock.events}, ready to route: the record for matching, where it lies in the topic,
 * and its JSON object written once, without the closing brace, so each client's copy only appends its own cursor.
 *
 * @param body {@code {"ev":"event",…the event record…} without the final {@code }}
 */
public record OutgoingEvent(MarketEvent event, int partition, long offset, String body) {

    private static final String SNAPSHOT = ",\"snapshot\":true";
    private static final String CURSOR = ",\"cursor\":\"";
    private static final String END = "\"}";

    /** Writes the event's JSON object once, for every client that will get it. */
    public static OutgoingEvent of(MarketEvent event, int partition, long offset) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ev", "event");
        node.setAll((ObjectNode) Json.mapper().valueToTree(event));
        try {
            String object = Json.mapper().writeValueAsString(node);
            return new OutgoingEvent(event, partition, offset, object.substring(0, object.length() - 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event read from JSON always writes back", e);
        }
    }

    /** The priority class the client queues order by (SPEC §6). */
    public int priorityClass() {
        return Cursor.classOf(event.priority());
    }

    /** The key conflation and snapshots work on: one latest event per (symbol, type). */
    public String key() {
        return event.type().wireName() + '.' + event.symbol();
    }

    /** The event object one client receives: the shared body plus this client's cursor. */
    public String render(String cursor, boolean snapshot) {
        StringBuilder object = new StringBuilder(renderedLength(cursor, snapshot)).append(body);
        if (snapshot) {
            object.append(SNAPSHOT);
        }
        return object.append(CURSOR).append(cursor).append(END).toString();
    }

    /** The length of {@link #render} without rendering. */
    public int renderedLength(String cursor, boolean snapshot) {
        return body.length() + (snapshot ? SNAPSHOT.length() : 0) + CURSOR.length() + cursor.length() + END.length();
    }
}
