package io.tickstock.tools.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client of the gateway, subscribed to every event type of the traced symbol ({@code *.SYMBOL}),
 * authenticating first when the gateway asks for it: what the gateway sends a real client, with arrival times.
 */
final class GatewayTap implements WebSocket.Listener {

    private final String symbol;
    private final Optional<String> token;
    private final HopLog log;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    GatewayTap(String symbol, Optional<String> token, HopLog log) {
        this.symbol = symbol;
        this.token = token;
        this.log = log;
    }

    /** Connects; a gateway that is not there is reported, and the trace goes on with the Kafka hops. */
    void connect(URI uri) {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri, this).join();
        } catch (RuntimeException e) {
            log.note(System.currentTimeMillis(), "gateway", "not reachable at " + uri + ": " + rootMessage(e));
        }
    }

    void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "trace done");
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long receivedAt = System.currentTimeMillis();
            String frame = partial.toString();
            partial.setLength(0);
            onFrame(webSocket, frame, receivedAt);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        log.note(System.currentTimeMillis(), "gateway", "closed the connection: " + statusCode + " " + reason);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        log.note(System.currentTimeMillis(), "gateway", "connection failed: " + rootMessage(error));
    }

    private void onFrame(WebSocket webSocket, String frame, long receivedAt) {
        JsonNode objects;
        try {
            objects = Json.mapper().readTree(frame);
        } catch (IOException e) {
            log.note(receivedAt, "gateway", "sent something that is not JSON: " + frame);
            return;
        }
        for (JsonNode object : objects.isArray() ? objects : JsonNodeFactory.instance.arrayNode().add(objects)) {
            String ev = object.path("ev").asText();
            String status = object.path("status").asText();
            if (ev.equals("event")) {
                log.delivered(object, receivedAt);
            } else if (ev.equals("error")) {
                log.note(receivedAt, "gateway", "error " + object.path("code").asInt() + ": "
                        + object.path("message").asText());
            } else if (status.equals("connected")) {
                boolean authRequired = object.path("auth").asText().equals("required");
                if (authRequired && token.isPresent()) {
                    send(webSocket, "auth", token.get());
                } else if (authRequired) {
                    log.note(receivedAt, "gateway", "asks for a token: pass --token (or TICKSTOCK_TRACE_TOKEN)");
                } else {
                    send(webSocket, "subscribe", "*." + symbol);
                }
            } else if (status.equals("auth_success")) {
                send(webSocket, "subscribe", "*." + symbol);
            } else if (status.equals("subscribed")) {
                log.note(receivedAt, "gateway", "subscribed to " + object.path("subscriptions"));
            }
        }
    }

    private static void send(WebSocket webSocket, String action, String params) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("action", action).put("params", params);
        webSocket.sendText(message.toString(), true);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
