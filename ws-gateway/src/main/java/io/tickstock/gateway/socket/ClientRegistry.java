package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import io.tickstock.gateway.consume.FeedState;
import io.tickstock.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The clients connected to this gateway replica, on either endpoint. */
@ApplicationScoped
public class ClientRegistry {

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private final GatewayMetrics metrics;
    private final FeedState feed;
    private final SharedLimits shared;

    public ClientRegistry(SessionSettings settings, GatewayMetrics metrics, FeedState feed, SharedLimits shared) {
        this.settings = settings;
        this.metrics = metrics;
        this.feed = feed;
        this.shared = shared;
        metrics.gauge("tickstock.gateway.clients", sessions::size);
        metrics.gauge("tickstock.gateway.subscriptions", this::subscriptions);
        metrics.gauge("tickstock.gateway.queue.depth", this::queued);
        metrics.gauge("tickstock.gateway.queue.share", shared.queuedEvents()::share);
        metrics.gauge("tickstock.gateway.frame.share", shared.frameBytes()::share);
    }

    /** Registers a new connection; it is owed the events after where the feed stands now. */
    public ClientSession open(WebSocketConnection connection, View view) {
        ClientSession session = new ClientSession(connection, view, settings, metrics, shared, feed.handedOut(),
                System.nanoTime());
        sessions.put(session.id(), session);
        shared.clientsNow(sessions.size());
        session.reply(Frames.connected(settings.authRequired()));
        return session;
    }

    /** The session of a connection, or null once it is closed. */
    public ClientSession get(WebSocketConnection connection) {
        return sessions.get(connection.id());
    }

    public synchronized void close(WebSocketConnection connection) {
        ClientSession session = sessions.remove(connection.id());
        shared.clientsNow(sessions.size());
        if (session != null) {
            session.closed();
        }
        notifyAll();
    }

    public Collection<ClientSession> all() {
        return sessions.values();
    }

    public int count() {
        return sessions.size();
    }

    public int count(View view) {
        return (int) sessions.values().stream().filter(session -> session.view() == view).count();
    }

    public long subscriptions() {
        return sessions.values().stream().mapToLong(session -> session.subscriptions().size()).sum();
    }

    public long queued() {
        return sessions.values().stream().mapToLong(ClientSession::queued).sum();
    }

    /** Waits until every client has gone, at most {@code millis}. */
    public synchronized boolean awaitEmpty(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!sessions.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
