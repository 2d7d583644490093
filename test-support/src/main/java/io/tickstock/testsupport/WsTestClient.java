package io.tickstock.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that speaks to the gateway the way programs do: it sends JSON actions and
 * collects every object of every server frame, in order, for tests to wait on.
 */
public final class WsTestClient implements AutoCloseable {

    /** The {@code ev} of the object that stands for a server frame that was not a JSON array. */
    public static final String INVALID_FRAME = "invalid_frame";

    private final WebSocket socket;
    private final Collector collector;

    private WsTestClient(WebSocket socket, Collector collector) {
        this.socket = socket;
        this.collector = collector;
    }

    /** Connects to a {@code ws://} URI; an {@code http://} one (as Quarkus tests inject) is taken as its ws twin. */
    public static WsTestClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects sending extra handshake headers (an {@code Origin}, say). */
    public static WsTestClient connect(URI uri, Map<String, String> headers) {
        URI ws = URI.create(uri.toString().replaceFirst("^http", "ws"));
        Collector collector = new Collector();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(ws, collector).orTimeout(15, TimeUnit.SECONDS).join();
        return new WsTestClient(socket, collector);
    }

    /** Stops reading from the socket, as a stalled client does: the server's frames pile up in TCP buffers. */
    public void stopReading() {
        collector.paused = true;
    }

    /** Reads again after {@link #stopReading()}: what the server managed to send arrives. */
    public void resumeReading() {
        collector.paused = false;
        socket.request(1);
    }

    /** Sends one binary frame. */
    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next server object with {@code ev} equal to {@code ev}, skipping (but keeping in {@link #received()}) others. */
    public JsonNode next(String ev, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = next(Duration.ofNanos(Math.max(1, left)));
            if (ev.equals(next.path("ev").asText())) {
                return next;
            }
        }
    }

    /** Sends one text frame and waits until it is on the wire. */
    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next server object not yet taken, waiting up to {@code timeout}; fails if none arrives. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode next = collector.pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("no server message within " + timeout + "; all so far: " + received());
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for a server message", e);
        }
    }

    /** Every server object received so far, in arrival order. */
    public List<JsonNode> received() {
        return List.copyOf(collector.all);
    }

    /** Every {@code ev:event} object received so far. */
    public List<JsonNode> events() {
        return collector.all.stream().filter(node -> "event".equals(node.path("ev").asText())).toList();
    }

    /** How many frames (JSON arrays) arrived. */
    public int frames() {
        return collector.frames.size();
    }

    /** Every server frame (a JSON array) as it arrived, in order. */
    public List<String> rawFrames() {
        return List.copyOf(collector.frames);
    }

    /** The length of the longest frame that arrived, in characters. */
    public int longestFrame() {
        return collector.frames.stream().mapToInt(String::length).max().orElse(0);
    }

    /** True once the server closed the connection; {@link #closeCode()} says how. */
    public boolean closed() {
        return collector.closeCode.isDone();
    }

    public int closeCode() {
        return collector.closeCode.join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> pending = new LinkedBlockingQueue<>();
        private final List<JsonNode> all = new CopyOnWriteArrayList<>();
        private final List<String> frames = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean paused;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                frames.add(frame);
                for (JsonNode node : parse(frame)) {
                    all.add(node);
                    pending.add(node);
                }
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // the JDK answers the ping itself; asking for more would undo stopReading()
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }

        /** The frame's objects; a frame that breaks the wire format becomes one {@code ev:invalid_frame} object. */
        private static List<JsonNode> parse(String frame) {
            try {
                JsonNode root = Json.mapper().readTree(frame);
                if (root.isArray()) {
                    List<JsonNode> nodes = new ArrayList<>();
                    root.forEach(nodes::add);
                    return nodes;
                }
            } catch (IOException e) {
                // reported below, where the test will see it
            }
            return List.of(Json.mapper().createObjectNode().put("ev", INVALID_FRAME).put("frame", frame));
        }
    }
}
