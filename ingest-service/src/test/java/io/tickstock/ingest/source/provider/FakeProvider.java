package io.tickstock.ingest.source.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the Polygon.io/Massive stocks WebSocket, faithful to its protocol, on a real loopback socket:
 * {@code connected} on open, {@code auth} → {@code auth_success} or {@code auth_failed} and close, {@code subscribe}
 * → one {@code success} per channel, {@code max_connections} and close beyond the connection limit. Tests push
 * frames to the subscribed client and drop connections.
 */
final class FakeProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String key;
    private final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    private final List<ServerWebSocket> subscribed = new CopyOnWriteArrayList<>();
    /** Every client action, in arrival order, as "#connection action params". */
    final List<String> actions = new CopyOnWriteArrayList<>();
    private volatile int maxConnections = Integer.MAX_VALUE;
    private volatile int connections;

    private FakeProvider(String key) throws Exception {
        this.key = key;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 22))
                .requestHandler(request -> {
                    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    request.toWebSocket().onSuccess(this::accept);
                })
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static FakeProvider start(String key) throws Exception {
        return new FakeProvider(key);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/stocks");
    }

    void maxConnections(int limit) {
        maxConnections = limit;
    }

    private void accept(ServerWebSocket socket) {
        int number = ++connections;
        if (open.size() >= maxConnections) {
            socket.writeTextMessage(status("max_connections", "Maximum number of websocket connections exceeded. "
                    + "You have reached the connection limit for your account."));
            socket.close();
            return;
        }
        open.add(socket);
        socket.closeHandler(ignored -> {
            open.remove(socket);
            subscribed.remove(socket);
        });
        socket.writeTextMessage(status("connected", "Connected Successfully"));
        boolean[] authenticated = {false};
        socket.textMessageHandler(text -> {
            JsonNode action = read(text);
            String params = action.path("params").asText();
            actions.add("#" + number + " " + action.path("action").asText() + " " + params);
            switch (action.path("action").asText()) {
                case "auth" -> {
                    if (key.equals(params)) {
                        authenticated[0] = true;
                        socket.writeTextMessage(status("auth_success", "authenticated"));
                    } else {
                        socket.writeTextMessage(status("auth_failed", "authentication failed"));
                        socket.close();
                    }
                }
                case "subscribe" -> {
                    if (!authenticated[0]) {
                        socket.writeTextMessage(status("error", "not authorized"));
                        return;
                    }
                    StringBuilder acks = new StringBuilder("[");
                    for (String channel : params.split(",")) {
                        acks.append(acks.length() > 1 ? "," : "").append(statusObject("success",
                                "subscribed to: " + channel));
                    }
                    socket.writeTextMessage(acks.append(']').toString());
                    subscribed.add(socket);
                }
                default -> socket.writeTextMessage(status("error", "unknown action"));
            }
        });
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String statusObject(String status, String message) {
        return JSON.createObjectNode().put("ev", "status").put("status", status).put("message", message).toString();
    }

    private static String status(String status, String message) {
        return "[" + statusObject(status, message) + "]";
    }

    /** Sends a text frame to every subscribed client; returns how many got it. */
    int push(String frame) {
        List<ServerWebSocket> targets = new ArrayList<>(subscribed);
        targets.forEach(socket -> socket.writeTextMessage(frame));
        return targets.size();
    }

    int subscribedClients() {
        return subscribed.size();
    }

    int connections() {
        return connections;
    }

    /** Drops every connection without the protocol's goodbye, as a restarting server does. */
    void dropAll() {
        open.forEach(socket -> socket.close((short) 1011, "server restarting"));
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
