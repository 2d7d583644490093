package io.tickstock.gateway.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.serde.Json;
import java.util.List;

/** The server frames of the v1 wire format (SPEC §8): always a JSON array of objects with an {@code ev} field. */
public final class Frames {

    public static final String PROTOCOL = "tickstock/1";

    private Frames() {
    }

    public static String connected(boolean authRequired) {
        ObjectNode status = status("connected");
        status.put("protocol", PROTOCOL);
        status.put("auth", authRequired ? "required" : "none");
        return array(status);
    }

    public static String authSuccess() {
        return array(status("auth_success"));
    }

    public static String subscribed(List<String> subscriptions) {
        ObjectNode status = status("subscribed");
        ArrayNode list = status.putArray("subscriptions");
        subscriptions.forEach(list::add);
        return array(status);
    }

    public static String resumed(boolean recovered) {
        ObjectNode status = status("resumed");
        status.put("recovered", recovered);
        return array(status);
    }

    /** Tells a client that could not keep up what the slow-client policy dropped since the last such notice. */
    public static String slow(int shed, int conflated) {
        ObjectNode status = status("slow");
        status.put("shed", shed);
        status.put("conflated", conflated);
        return array(status);
    }

    public static String error(ErrorCode code, String message) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("ev", "error");
        error.put("code", code.code());
        error.put("message", message);
        return array(error);
    }

    public static String pong() {
        return array(Json.mapper().createObjectNode().put("ev", "pong"));
    }

    public static String heartbeat(long epochMillis) {
        return array(Json.mapper().createObjectNode().put("ev", "heartbeat").put("t", epochMillis));
    }

    private static final String SNAPSHOT = ",\"snapshot\":true";
    private static final String CURSOR = ",\"cursor\":\"";

    /**
     * A frame of events: each event's shared JSON copied once into the frame, the client's own cursor once, on the
     * last event (it covers every event of the frame and before it).
     */
    public static String events(List<OutgoingEvent> events, boolean snapshot, String cursor) {
        int length = 2 + CURSOR.length() + cursor.length() + 1;
        for (OutgoingEvent event : events) {
            length += event.json().length() + 2 + (snapshot ? SNAPSHOT.length() : 0);
        }
        StringBuilder frame = new StringBuilder(length).append('[');
        int last = events.size() - 1;
        for (int i = 0; i <= last; i++) {
            frame.append(events.get(i).json());
            if (snapshot) {
                frame.append(SNAPSHOT);
            }
            if (i == last) {
                frame.append(CURSOR).append(cursor).append('"');
            }
            frame.append(i == last ? "}]" : "},");
        }
        return frame.toString();
    }

    /** A frame of already written objects. */
    public static String array(List<String> objects) {
        return "[" + String.join(",", objects) + "]";
    }

    static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    private static ObjectNode status(String status) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ev", "status");
        node.put("status", status);
        return node;
    }

    private static String array(ObjectNode node) {
        return "[" + write(node) + "]";
    }
}
