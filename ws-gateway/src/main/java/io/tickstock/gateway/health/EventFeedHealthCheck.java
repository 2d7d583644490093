package io.tickstock.gateway.health;

import io.tickstock.gateway.consume.EventFeed;
import io.tickstock.gateway.socket.ClientRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the gateway reads the events topic: before that, a client would connect to silence. */
@Readiness
@ApplicationScoped
public class EventFeedHealthCheck implements HealthCheck {

    private final EventFeed feed;
    private final ClientRegistry clients;

    public EventFeedHealthCheck(EventFeed feed, ClientRegistry clients) {
        this.feed = feed;
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-feed")
                .status(feed.assigned())
                .withData("clients", clients.count())
                .build();
    }
}
