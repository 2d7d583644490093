package io.tickstock.ingest.source.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A client of the Polygon.io/Massive stocks WebSocket (SPEC §3): connects, sends {@code auth} with the key and, on
 * {@code auth_success}, {@code subscribe}; hands every frame to the {@link Intake}; on any loss of the connection
 * (close, error, missed pongs, {@code auth_failed}, {@code max_connections}) reconnects after a jittered
 * exponential {@link Backoff} and subscribes again. Frames are read one at a time: the next is requested only
 * after the current one is published, so a slow Kafka slows the socket (TCP back-pressure), never fills memory.
 * The API key goes into the auth message and nowhere else (never into a log line or the status).
 */
public final class ProviderClient {

    /** How far the connection got; {@link #SUBSCRIBED} is the only state in which data flows. */
    public enum State {
        STOPPED,
        CONNECTING,
        AUTHENTICATING,
        SUBSCRIBING,
        SUBSCRIBED,
        AUTH_FAILED,
        MAX_CONNECTIONS,
        WAITING_TO_RECONNECT
    }

    public record Settings(URI url, String key, String subscribe, Duration backoffInitial, Duration backoffMax,
            Duration connectTimeout, Duration pingInterval, int maxFrameBytes) {
        @Override
        public String toString() {
            return "Settings[url=" + ProviderClient.printable(url) + ", subscribe=" + subscribe + "]";
        }
    }

    /** What the health check and the status page show. */
    public record Status(State state, String url, String subscribe, boolean connected, Long connectedSince,
            Long lastDelivery, String lastStatus, long connects, long reconnects) {
    }

    private static final Logger LOG = Logger.getLogger(ProviderClient.class);

    private final Settings settings;
    private final Intake intake;
    private final Backoff backoff;
    private final Clock clock;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Runnable onReconnect;
    private volatile State state = State.STOPPED;
    private volatile Connection connection;
    private volatile Long connectedSince;
    private volatile Long lastDelivery;
    private volatile String lastStatus;
    private ScheduledFuture<?> pinger;
    private boolean stopped = true;

    public ProviderClient(Settings settings, Intake intake, Backoff backoff, Clock clock, Runnable onReconnect) {
        this.settings = settings;
        this.intake = intake;
        this.backoff = backoff;
        this.clock = clock;
        this.onReconnect = onReconnect;
        this.callbacks = Executors.newSingleThreadExecutor(daemon("provider-feed"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("provider-timer"));
        this.http = HttpClient.newBuilder().executor(callbacks).connectTimeout(settings.connectTimeout()).build();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        long interval = settings.pingInterval().toMillis();
        pinger = scheduler.scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.MILLISECONDS);
        connect();
    }

    /** Closes the connection and stops reconnecting; the client can be started again. */
    public synchronized void stop() {
        stopped = true;
        if (pinger != null) {
            pinger.cancel(false);
        }
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
        state = State.STOPPED;
        connectedSince = null;
    }

    /** Stops for good and releases the threads. */
    public void close() {
        stop();
        scheduler.shutdownNow();
        callbacks.shutdownNow();
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        state = State.CONNECTING;
        Connection attempt = new Connection(connects.incrementAndGet());
        connection = attempt;
        LOG.infof("connecting to %s (connection #%d)", printable(settings.url()), attempt.number);
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(settings.url(), attempt)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        attempt.lost("cannot connect: " + rootMessage(error));
                    }
                });
    }

    // the connection is gone: once per connection, schedule the next after the backoff
    private synchronized void reconnectAfter(Connection lost, String why) {
        if (connection != lost || stopped) {
            return;
        }
        connection = null;
        connectedSince = null;
        Duration delay = backoff.next();
        if (state != State.AUTH_FAILED && state != State.MAX_CONNECTIONS) {
            state = State.WAITING_TO_RECONNECT;
        }
        reconnects.incrementAndGet();
        onReconnect.run();
        LOG.warnf("provider connection #%d lost (%s); reconnecting in %d ms", lost.number, why, delay.toMillis());
        scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        Connection current = connection;
        if (current != null) {
            current.ping();
        }
    }

    private void control(Connection from, JsonNode status) {
        if (connection != from) {
            return;
        }
        String code = status.path("status").asText();
        String message = status.path("message").asText("");
        if ("connected".equals(code)) {
            return; // every connection opens with it; the status worth showing is what follows (or failed before)
        }
        lastStatus = code + (message.isEmpty() ? "" : ": " + message);
        switch (code) {
            case "auth_success":
                state = State.SUBSCRIBING;
                backoff.reset();
                from.send(action("subscribe", settings.subscribe()));
                break;
            case "success":
                if (message.startsWith("subscribed")) {
                    state = State.SUBSCRIBED;
                    connectedSince = connectedSince == null ? clock.millis() : connectedSince;
                }
                break;
            case "auth_failed":
                state = State.AUTH_FAILED;
                LOG.errorf("the provider refused the API key (%s): check TICKSTOCK_PROVIDER_KEY", message);
                from.close();
                reconnectAfter(from, "auth_failed");
                break;
            case "max_connections":
                state = State.MAX_CONNECTIONS;
                LOG.errorf("the provider refused the connection (%s): another client uses this key's connection",
                        message);
                from.close();
                reconnectAfter(from, "max_connections");
                break;
            default:
                LOG.infof("provider status: %s", lastStatus);
        }
    }

    private static String action(String action, String params) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("action", action);
        node.put("params", params);
        return node.toString();
    }

    public Status status() {
        State now = state;
        return new Status(now, printable(settings.url()), settings.subscribe(), now == State.SUBSCRIBED,
                connectedSince, lastDelivery, lastStatus, connects.get(), reconnects.get());
    }

    /** The URL without user info or query: those may carry credentials. */
    static String printable(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** One WebSocket connection: its listener, its sends (serialized, as the JDK requires) and its frame buffer. */
    private final class Connection implements WebSocket.Listener {
        private final long number;
        private final Origin origin;
        private final StringBuilder text = new StringBuilder();
        private long frameChars;
        private volatile WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private volatile long lastPong;

        private Connection(long number) {
            this.number = number;
            this.origin = new Origin(Origin.PROVIDER, printable(settings.url()) + " #" + number);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (connection != this) { // stopped while connecting
                webSocket.abort();
                return;
            }
            socket = webSocket;
            lastPong = clock.millis();
            state = State.AUTHENTICATING;
            send(action("auth", settings.key()));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frameChars += data.length();
            // past the limit only the count goes on: a huge frame must not become a huge buffer
            if (text.length() <= settings.maxFrameBytes()) {
                text.append(data, 0, Math.min(data.length(), settings.maxFrameBytes() + 1 - text.length()));
            }
            if (last) {
                byte[] frame = text.toString().getBytes(StandardCharsets.UTF_8);
                long size = frameChars;
                text.setLength(0);
                frameChars = 0;
                deliver(frame, size);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            // the protocol is text; a binary frame is read as UTF-8 JSON like any other
            return onText(webSocket, StandardCharsets.UTF_8.decode(data), last);
        }

        private void deliver(byte[] frame, long size) {
            if (size > settings.maxFrameBytes()) {
                intake.tooLarge(origin, frame, Math.max(size, frame.length));
                return;
            }
            if (intake.frame(origin, frame, status -> control(this, status)).accepted() > 0) {
                lastDelivery = clock.millis();
            }
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastPong = clock.millis();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("closed by the provider: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("error: " + rootMessage(error));
        }

        private void lost(String why) {
            close();
            reconnectAfter(this, why);
        }

        private synchronized void send(String message) {
            WebSocket target = socket;
            if (target != null) {
                sending = sending.thenCompose(ignored -> target.sendText(message, true))
                        .exceptionally(error -> {
                            lost("send failed: " + rootMessage(error));
                            return null;
                        });
            }
        }

        private void ping() {
            WebSocket target = socket;
            if (target == null) {
                return;
            }
            if (clock.millis() - lastPong > 2 * settings.pingInterval().toMillis()) {
                lost("no pong for " + (clock.millis() - lastPong) + " ms");
                return;
            }
            target.sendPing(ByteBuffer.allocate(0));
        }

        private void close() {
            WebSocket target = socket;
            socket = null;
            if (target != null) {
                target.abort();
            }
        }
    }
}
