package io.tickstock.gateway.socket;

import io.tickstock.gateway.consume.FeedListener;
import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.route.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Puts each batch read from Kafka into the log of recent events, once for every client, and wakes the clients it
 * may interest: each reads from its own position what its subscriptions match.
 */
@ApplicationScoped
public class Fanout implements FeedListener {

    private final RecentEvents log;
    private final ClientRegistry clients;

    public Fanout(RecentEvents log, ClientRegistry clients) {
        this.log = log;
        this.clients = clients;
    }

    @Override
    public void begin(long[] positions) {
        log.begin(positions);
    }

    @Override
    public void deliver(List<OutgoingEvent> batch, long[] positions) {
        log.append(batch, positions);
        for (ClientSession client : clients.interestedIn(batch)) {
            client.wake();
        }
    }
}
