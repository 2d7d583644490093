package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The clients connected to this gateway replica. */
@ApplicationScoped
public class ClientRegistry {

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();

    public ClientSession open(WebSocketConnection connection) {
        ClientSession session = new ClientSession(connection);
        sessions.put(session.id(), session);
        return session;
    }

    public ClientSession get(WebSocketConnection connection) {
        return sessions.get(connection.id());
    }

    public void close(WebSocketConnection connection) {
        sessions.remove(connection.id());
    }

    public Collection<ClientSession> all() {
        return sessions.values();
    }

    public int count() {
        return sessions.size();
    }
}
