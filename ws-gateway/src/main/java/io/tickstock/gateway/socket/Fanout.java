package io.tickstock.gateway.socket;

import io.tickstock.gateway.route.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Hands each batch read from Kafka to every connected client; each client takes what its subscriptions match. */
@ApplicationScoped
public class Fanout {

    private final ClientRegistry clients;

    public Fanout(ClientRegistry clients) {
        this.clients = clients;
    }

    public void deliver(List<OutgoingEvent> batch) {
        for (ClientSession client : clients.all()) {
            client.deliver(batch);
        }
    }
}
