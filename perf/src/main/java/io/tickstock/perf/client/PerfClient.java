package io.tickstock.perf.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tickstock.model.serde.Json;
import io.tickstock.perf.integrity.Receipts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One WebSocket client of the gateway, speaking the protocol as programs do (docs/protocol.md): it authenticates
 * when asked, subscribes, then reads every frame and stamps it with the moment it was read off the socket, before
 * anything is parsed. A stalling client stops reading right after its subscription is acknowledged, as a client
 * behind a dead network does, but keeps sending a WebSocket ping a second, so the moment the gateway drops the
 * connection is seen (the ping no longer goes through). A client the {@link ClientFleet} keeps connected survives
 * its connection: it keeps the cursor of the last frame it read and subscribes with it on the next connection; its
 * receipts span every connection.
 */
public final class PerfClient {

    /** Where the client hands each (non-control) event it read, with the microsecond it was read at. */
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
    private final Histogram gatewayLatency = new Histogram(HOUR_MICROS, 2);
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<String> errors = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private volatile Channel channel;
    private FrameReaders.Reader reader;
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
    private volatile long stalledAtMillis;
    private volatile long closedAtMillis;

    public PerfClient(String name, Subscription subscription, boolean stalls, Optional<String> token, Sink sink) {
        this.name = name;
        this.subscription = subscription;
        this.stalls = stalls;
        this.token = token;
        this.sink = sink;
    }

    /** Where this client's frames are read, the same thread on every connection (so they stay in order). */
    synchronized FrameReaders.Reader reader(FrameReaders readers) {
        if (reader == null) {
            reader = readers.reader();
        }
        return reader;
    }

    /** The handshake is done on {@code socket} (a new connection). */
    void opened(Channel socket) {
        synchronized (this) {
            connections++;
        }
        channel = socket;
    }

    /** A whole server frame, read off the socket at {@code receivedMicros}. */
    void frame(byte[] bytes, int length, long receivedMicros) {
        try {
            for (ServerObject object : FrameScanner.scan(bytes, length)) {
                handle(object, receivedMicros);
            }
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    /**
     * The connection ended at {@code atMillis}: a close code, or -1 when it broke (or, for a stalled client, was
     * dropped).
     */
    void ended(int code, long atMillis) {
        closedAtMillis = atMillis;
        synchronized (this) {
            closeCodes.add(code);
        }
        closed.complete(code);
        subscribed.completeExceptionally(new IllegalStateException(name + " was closed before its subscription: "
                + code + " " + errors()));
        Runnable reconnect = whenEnded;
        if (reconnect != null) {
            reconnect.run();
        }
    }

    void failed(Throwable error) {
        error("transport: " + error);
        subscribed.completeExceptionally(error);
    }

    private void handle(ServerObject object, long receivedMicros) {
        switch (object.ev()) {
            case "event" -> {
                if (object.snapshot()) {
                    snapshots++;
                } else {
                    events++;
                    sink.event(this, object, receivedMicros);
                }
                // the last event of a frame carries the cursor, once the frame is had: a reconnect resumes behind it
                if (!object.cursor().isEmpty()) {
                    cursor = object.cursor();
                }
            }
            case "status" -> status(object);
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

    private void status(ServerObject object) {
        switch (object.status()) {
            case "connected" -> {
                if (!object.auth().equals("required")) {
                    subscribe();
                } else if (token.isPresent()) {
                    send(Json.mapper().createObjectNode().put("action", "auth").put("params", token.get()).toString());
                } else {
                    subscribed.completeExceptionally(new IllegalStateException(
                            "the gateway requires a token: pass --token (or TICKSTOCK_PERF_TOKEN)"));
                }
            }
            case "auth_success" -> subscribe();
            case "subscribed" -> {
                subscriptions++;
                if (stalls) {
                    stall();
                }
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
     * The first connection subscribes (with the snapshot, which is not counted); a later one subscribes with the
     * cursor of the last frame read and no snapshot (what a snapshot holds was had already).
     */
    private void subscribe() {
        var request = Json.mapper().createObjectNode().put("action", "subscribe").put("params", subscription.params());
        if (!cursor.isEmpty()) {
            request.put("snapshot", false).put("cursor", cursor);
        }
        send(request.toString());
    }

    /** Stops reading; pings once a second, which fails once the gateway has dropped the connection. */
    private void stall() {
        Channel socket = channel;
        stalledAtMillis = System.currentTimeMillis();
        socket.config().setAutoRead(false);
        socket.eventLoop().scheduleAtFixedRate(() -> {
            if (socket.isActive()) {
                socket.writeAndFlush(new PingWebSocketFrame()).addListener(written -> {
                    if (!written.isSuccess()) {
                        socket.close();
                    }
                });
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void send(String text) {
        Channel socket = channel;
        if (socket != null) {
            socket.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    private synchronized void error(String message) {
        errors.add(message);
    }

    /** Records the latency of one event this client read (run events only; the sink decides). */
    public synchronized void recordLatency(long micros, long gatewayMicros) {
        latency.recordValue(Math.min(Math.max(0, micros), HOUR_MICROS));
        if (gatewayMicros >= 0) {
            gatewayLatency.recordValue(Math.min(gatewayMicros, HOUR_MICROS));
        }
    }

    public synchronized Histogram latency() {
        return latency.copy();
    }

    /** Gateway read from Kafka → read by this client, for the events {@link #latency()} has. */
    public synchronized Histogram gatewayLatency() {
        return gatewayLatency.copy();
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Epoch microseconds, the clock the gateway stamps {@code gatewayReadUs} with. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Runs {@code reconnect} whenever a connection of this client ends (the fleet that keeps it connected). */
    void whenEnded(Runnable reconnect) {
        this.whenEnded = reconnect;
    }

    /** The connection, to close it. */
    Channel channel() {
        return channel;
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

    /** When a stalling client stopped reading, epoch milliseconds; 0 for others (or before). */
    public long stalledAtMillis() {
        return stalledAtMillis;
    }

    /** When the connection ended, epoch milliseconds; 0 while open. */
    public long closedAtMillis() {
        return closedAtMillis;
    }
}
