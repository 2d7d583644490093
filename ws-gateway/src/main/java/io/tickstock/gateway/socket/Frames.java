package io.tickstock.gateway.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.MarketEvent;
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

    public static String subscribed(List<String> subscriptions) {
        ObjectNode status = status("subscribed");
        ArrayNode list = status.putArray("subscriptions");
        subscriptions.forEach(list::add);
        return array(status);
    }

    public static String error(int code, String message) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("ev", "error");
        error.put("code", code);
        error.put("message", message);
        return array(error);
    }

    public static String pong() {
        ObjectNode pong = Json.mapper().createObjectNode();
        pong.put("ev", "pong");
        return array(pong);
    }

    /** One event as a JSON object of an events frame, written once and shared by every client that gets it. */
    public static String eventObject(MarketEvent event, String cursor) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ev", "event");
        node.setAll((ObjectNode) Json.mapper().valueToTree(event));
        node.put("cursor", cursor);
        return write(node);
    }

    /** A frame of event objects made by {@link #eventObject}. */
    public static String events(List<String> eventObjects) {
        return "[" + String.join(",", eventObjects) + "]";
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

    private static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }
}
