package io.tickstock.gateway.health;

import io.tickstock.gateway.consume.FeedState;
import io.tickstock.gateway.socket.ClientRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the feed has rebuilt the snapshot cache and reads live: before that, a client would connect to
 * silence (and the upgrade is refused with 503).
 */
@Readiness
@ApplicationScoped
public class EventFeedHealthCheck implements HealthCheck {

    private final FeedState feed;
    private final ClientRegistry clients;

    public EventFeedHealthCheck(FeedState feed, ClientRegistry clients) {
        this.feed = feed;
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-feed")
                .status(feed.live())
                .withData("clients", clients.count())
                .withData("lag", feed.lag())
                .build();
    }
}
