package io.tickstock.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A client that stays subscribed whatever happens to the gateway, the way docs/protocol.md asks programs to behave
 * (and {@code /js/tickstock.js} does): when the connection ends it reconnects — to whichever gateway
 * {@code gateways} names then — subscribes without snapshot and resumes from the cursor of the last event it got.
 * It keeps every event id it received, repeats included, so a test can count what was lost and what came twice.
 */
final class ResumingClient implements AutoCloseable {

    private static final Duration RETRY = Duration.ofMillis(250);

    private final String patterns;
    private final String token;
    private final Supplier<URI> gateways;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<String> ids = new ArrayList<>();
    private final List<JsonNode> resumes = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private final List<JsonNode> errors = new ArrayList<>();
    private volatile boolean running = true;
    private volatile WebSocket socket;
    private volatile String cursor;
    private volatile int connections;
    private volatile int subscribed;

    private ResumingClient(Supplier<URI> gateways, String patterns, String token) {
        this.gateways = gateways;
        this.patterns = patterns;
        this.token = token;
    }

    /** Connects to the gateway {@code gateways} names (its {@code /ws/v1}), subscribed to {@code patterns}. */
    static ResumingClient start(Supplier<URI> gateways, String patterns) {
        return start(gateways, patterns, null);
    }

    /** The same, authenticating with {@code token} where the gateway asks for it. */
    static ResumingClient start(Supplier<URI> gateways, String patterns, String token) {
        ResumingClient client = new ResumingClient(gateways, patterns, token);
        client.connect();
        return client;
    }

    private void connect() {
        if (!running) {
            return;
        }
        URI uri = URI.create(gateways.get().toString().replaceFirst("^http", "ws"));
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new Listener())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        reconnectLater(); // the gateway is down or still starting
                    } else {
                        socket = ws;
                        connections++;
                    }
                });
    }

    private void reconnectLater() {
        if (running) {
            retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Every event id received so far, in arrival order, repeats included. */
    synchronized List<String> ids() {
        return List.copyOf(ids);
    }

    /** The {@code resumed} statuses received: one per completed resume. */
    synchronized List<JsonNode> resumes() {
        return List.copyOf(resumes);
    }

    /** How each connection the server ended was closed (-1: aborted, as by a killed process). */
    synchronized List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** Protocol errors the gateway answered with (none, for a client that behaves). */
    synchronized List<JsonNode> errors() {
        return List.copyOf(errors);
    }

    /** Connections opened, the first included. */
    int connections() {
        return connections;
    }

    /** Subscriptions acknowledged, one per connection. */
    int subscribed() {
        return subscribed;
    }

    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private synchronized void received(JsonNode object, WebSocket ws) {
        switch (object.path("ev").asText()) {
            case "event" -> {
                ids.add(object.path("id").asText());
                // the last event of a frame carries the cursor, once the frame is had: a reconnect resumes behind it
                if (object.has("cursor")) {
                    cursor = object.path("cursor").asText();
                }
            }
            case "status" -> {
                String status = object.path("status").asText();
                if (status.equals("connected") && object.path("auth").asText().equals("required")) {
                    ws.sendText("{\"action\":\"auth\",\"params\":\"" + token + "\"}", true);
                } else if (status.equals("connected") || status.equals("auth_success")) {
                    subscribe(ws);
                } else if (status.equals("subscribed")) {
                    subscribed++;
                } else if (status.equals("resumed")) {
                    resumes.add(object);
                }
            }
            case "error" -> errors.add(object);
            default -> {
                // heartbeats, pongs
            }
        }
    }

    /** Subscribes without snapshot (what a snapshot holds was had already, or is not owed) and resumes at once. */
    private void subscribe(WebSocket ws) {
        ws.sendText("{\"action\":\"subscribe\",\"params\":\"" + patterns + "\",\"snapshot\":false}", true)
                .thenCompose(sent -> cursor == null ? CompletableFuture.completedFuture(sent)
                        : sent.sendText("{\"action\":\"resume\",\"params\":\"" + cursor + "\"}", true));
    }

    private synchronized void ended(int code) {
        closeCodes.add(code);
        reconnectLater();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    for (JsonNode object : Json.mapper().readTree(partial.toString())) {
                        received(object, ws);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("the gateway sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            ended(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended(-1);
        }
    }
}
