package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.queue.SharedLimit;
import io.tickstock.gateway.resume.CatchUps;
import io.tickstock.gateway.route.Interests;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.SnapshotCache;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The clients connected to this gateway replica, on either endpoint. */
@ApplicationScoped
public class ClientRegistry {

    /** The smallest frame a client gets: a few events at least. */
    static final int LEAST_FRAME_BYTES = 16_384;

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final Replica replica;

    public ClientRegistry(GatewayConfig config, SessionSettings settings, GatewayMetrics metrics, RecentEvents log,
            SnapshotCache cache, CatchUps catchUps) {
        this.replica = new Replica(settings, metrics,
                new SharedLimit(config.maxWireBytes(), config.maxFrameBytes(), LEAST_FRAME_BYTES), log, cache,
                catchUps, new Interests<>());
        metrics.gauge("tickstock.gateway.clients", sessions::size);
        metrics.gauge("tickstock.gateway.subscriptions", this::subscriptions);
        metrics.gauge("tickstock.gateway.queue.depth", this::lag);
        metrics.gauge("tickstock.gateway.frame.share", replica.frameBytes()::share);
        metrics.gauge("tickstock.gateway.catchups.waiting", catchUps::waiting);
        metrics.errorCodes(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    /**
     * Registers a new connection, on the event loop of its context (where its frames are then written); it is owed
     * the events after where the log stands now.
     */
    public ClientSession open(WebSocketConnection connection, View view) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("a connection opens on a Vert.x context");
        }
        ClientSession session = new ClientSession(connection, context, view, replica, System.nanoTime());
        sessions.put(session.id(), session);
        replica.frameBytes().clientsNow(sessions.size());
        session.reply(Frames.connected(replica.settings().authRequired()));
        return session;
    }

    /** The session of a connection, or null once it is closed. */
    public ClientSession get(WebSocketConnection connection) {
        return sessions.get(connection.id());
    }

    public synchronized void close(WebSocketConnection connection) {
        ClientSession session = sessions.remove(connection.id());
        replica.frameBytes().clientsNow(sessions.size());
        if (session != null) {
            session.closed();
        }
        notifyAll();
    }

    public Collection<ClientSession> all() {
        return sessions.values();
    }

    /** The clients one of {@code events} may interest: the ones a batch wakes. */
    public Set<ClientSession> interestedIn(List<OutgoingEvent> events) {
        return replica.interests().interested(events);
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

    /** Records of the topic the clients are behind the feed, over all of them. */
    public long lag() {
        return sessions.values().stream().mapToLong(ClientSession::lag).sum();
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
