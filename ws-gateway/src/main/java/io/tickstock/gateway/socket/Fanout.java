package io.tickstock.gateway.socket;

import io.tickstock.gateway.route.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Hands each batch read from Kafka to every connected client; each takes what its subscriptions match. */
@ApplicationScoped
public class Fanout {

    private final ClientRegistry clients;

    public Fanout(ClientRegistry clients) {
        this.clients = clients;
    }

    /** {@code positions}: where the feed stands in every partition after this batch. */
    public void deliver(List<OutgoingEvent> batch, long[] positions) {
        for (ClientSession client : clients.all()) {
            client.offer(batch, positions);
        }
    }
}
