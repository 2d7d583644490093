package io.tickstock.perf.client;

import io.tickstock.model.serde.Json;
import io.tickstock.perf.integrity.Receipts;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.HdrHistogram.Histogram;

/**
 * One WebSocket client of the gateway, speaking the protocol as programs do (docs/protocol.md): it authenticates
 * when asked, subscribes, then reads every frame and stamps it with the moment it read it. A stalling client stops
 * reading right after its subscription is acknowledged, as a client behind a dead network does. A client the
 * {@link ClientFleet} keeps connected survives its connection: it keeps the cursor of the last event it read and,
 * on the next connection, subscribes without snapshot and resumes from it; its receipts span every connection.
 */
public final class PerfClient implements WebSocket.Listener {

    /** Where the client hands each (non-control) event it read, with the microsecond it read it at. */
    public interface Sink {
        void event(PerfClient client, ServerObject event, long receivedMicros);
    }

    private static final long HOUR_MICROS = 3_600_000_000L;

    private final String name;
    private final Subscription subscription;
    private final boolean stalls;
    private final Optional<String> token;
    private final Sink sink;
    private final Receipts receipts = new Receipts();
    private final Histogram latency = new Histogram(HOUR_MICROS, 2);
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<String> errors = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private volatile String cursor = "";
    private volatile Runnable whenEnded;
    private volatile int connections;
    private volatile int subscriptions;
    private volatile int resumed;
    private volatile int resumedWithGap;
    private volatile long events;
    private volatile long snapshots;
    private volatile long shed;
    private volatile long conflated;
    private volatile long closedAtMillis;

    public PerfClient(String name, Subscription subscription, boolean stalls, Optional<String> token, Sink sink) {
        this.name = name;
        this.subscription = subscription;
        this.stalls = stalls;
        this.token = token;
        this.sink = sink;
    }

    @Override
    public void onOpen(WebSocket socket) {
        synchronized (this) {
            connections++;
        }
        partial.setLength(0); // what a dead connection left half-read is gone with it
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long receivedMicros = nowMicros();
            String frame = partial.toString();
            partial.setLength(0);
            try {
                for (ServerObject object : FrameScanner.scan(frame)) {
                    handle(socket, object, receivedMicros);
                }
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
            }
        }
        if (!(stalls && subscribed.isDone())) {
            socket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
        // the JDK answers pings itself; a stalled client must not ask for more frames
        if (!(stalls && subscribed.isDone())) {
            socket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closedAtMillis = System.currentTimeMillis();
        ended(statusCode);
        closed.complete(statusCode);
        subscribed.completeExceptionally(new IllegalStateException(name + " was closed before its subscription: "
                + statusCode + " " + reason + " " + errors()));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closedAtMillis = System.currentTimeMillis();
        error("transport: " + error);
        ended(-1);
        closed.complete(-1);
        subscribed.completeExceptionally(error);
    }

    private void ended(int code) {
        synchronized (this) {
            closeCodes.add(code);
        }
        Runnable reconnect = whenEnded;
        if (reconnect != null) {
            reconnect.run();
        }
    }

    private void handle(WebSocket socket, ServerObject object, long receivedMicros) {
        switch (object.ev()) {
            case "event" -> {
                if (object.snapshot()) {
                    snapshots++;
                } else {
                    events++;
                    sink.event(this, object, receivedMicros);
                    // after the event is had: a reconnect resumes behind it, never before it
                    cursor = object.cursor();
                }
            }
            case "status" -> status(socket, object);
            case "error" -> {
                error(object.code() + " " + object.message());
                subscribed.completeExceptionally(new IllegalStateException(name + ": " + object.code() + " "
                        + object.message()));
            }
            default -> {
                // heartbeats and pongs say only that the connection lives
            }
        }
    }

    private void status(WebSocket socket, ServerObject object) {
        switch (object.status()) {
            case "connected" -> {
                if (!object.auth().equals("required")) {
                    subscribe(socket);
                } else if (token.isPresent()) {
                    send(socket, "auth", token.get());
                } else {
                    subscribed.completeExceptionally(new IllegalStateException(
                            "the gateway requires a token: pass --token (or TICKSTOCK_PERF_TOKEN)"));
                }
            }
            case "auth_success" -> subscribe(socket);
            case "subscribed" -> {
                subscriptions++;
                subscribed.complete(null);
            }
            case "resumed" -> {
                resumed++;
                resumedWithGap += object.recovered() ? 0 : 1;
            }
            case "slow" -> {
                shed += object.shed();
                conflated += object.conflated();
            }
            default -> {
                // other statuses say nothing the harness judges
            }
        }
    }

    /**
     * The first connection subscribes (with the snapshot, which is not counted); a later one subscribes without it
     * (what a snapshot holds was had already) and resumes from the cursor of the last event read.
     */
    private void subscribe(WebSocket socket) {
        String resumeFrom = cursor;
        if (resumeFrom.isEmpty()) {
            send(socket, "subscribe", subscription.params());
            return;
        }
        socket.sendText(Json.mapper().createObjectNode().put("action", "subscribe")
                .put("params", subscription.params()).put("snapshot", false).toString(), true)
                .thenAccept(sent -> send(sent, "resume", resumeFrom));
    }

    private void send(WebSocket socket, String action, String params) {
        socket.sendText(Json.mapper().createObjectNode().put("action", action).put("params", params).toString(), true);
    }

    private synchronized void error(String message) {
        errors.add(message);
    }

    /** Records the latency of one event this client read (run events only; the sink decides). */
    public synchronized void recordLatency(long micros) {
        latency.recordValue(Math.min(Math.max(0, micros), HOUR_MICROS));
    }

    public synchronized Histogram latency() {
        return latency.copy();
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Runs {@code reconnect} whenever a connection of this client ends (the fleet that keeps it connected). */
    void whenEnded(Runnable reconnect) {
        this.whenEnded = reconnect;
    }

    /** How each connection ended, in order: WebSocket close codes, -1 for a connection that broke. */
    public synchronized List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** Connections opened, the first included. */
    public synchronized int connections() {
        return connections;
    }

    /** Subscriptions acknowledged, one per connection that got that far. */
    public int subscriptions() {
        return subscriptions;
    }

    /** Resumes completed; of them, those the gateway said had a gap (cursor older than retention). */
    public int resumed() {
        return resumed;
    }

    public int resumedWithGap() {
        return resumedWithGap;
    }

    public String name() {
        return name;
    }

    public Subscription subscription() {
        return subscription;
    }

    public boolean stalls() {
        return stalls;
    }

    public Receipts receipts() {
        return receipts;
    }

    public CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public long events() {
        return events;
    }

    public long snapshots() {
        return snapshots;
    }

    public long shed() {
        return shed;
    }

    public long conflated() {
        return conflated;
    }

    /** When the connection ended, epoch milliseconds; 0 while open. */
    public long closedAtMillis() {
        return closedAtMillis;
    }
}
