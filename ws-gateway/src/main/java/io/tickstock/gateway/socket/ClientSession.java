package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One connected client: its connection and subscriptions. Deliveries and subscription changes are serialized on
 * the session, so a client sees its subscribe ack before any event only the new subscription lets through, and
 * nothing after its unsubscribe ack that the removed patterns alone matched.
 */
public final class ClientSession {

    private static final Logger LOG = Logger.getLogger(ClientSession.class);

    private final WebSocketConnection connection;
    private volatile Subscriptions subscriptions = Subscriptions.NONE;

    public ClientSession(WebSocketConnection connection) {
        this.connection = connection;
    }

    public String id() {
        return connection.id();
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Sends the events of a batch this client subscribed to, as one frame. */
    public synchronized void deliver(List<OutgoingEvent> batch) {
        List<String> matching = new ArrayList<>();
        for (OutgoingEvent outgoing : batch) {
            if (subscriptions.matches(outgoing.event())) {
                matching.add(outgoing.json());
            }
        }
        if (!matching.isEmpty()) {
            send(Frames.events(matching));
        }
    }

    /** Replaces the subscriptions and queues {@code ack} before any event sent under them. */
    public synchronized void subscribe(Subscriptions next, String ack) {
        subscriptions = next;
        send(ack);
    }

    /** Queues a frame; never blocks the caller (the fan-out thread). */
    public synchronized void send(String frame) {
        connection.sendText(frame).subscribe().with(
                sent -> { },
                failure -> LOG.debugf("client %s: frame not sent: %s", id(), failure.getMessage()));
    }
}
