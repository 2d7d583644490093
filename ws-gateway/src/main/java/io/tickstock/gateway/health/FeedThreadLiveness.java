package io.tickstock.gateway.health;

import io.tickstock.gateway.consume.EventFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the feed thread runs: a gateway whose feed died would serve connections that never get events. */
@Liveness
@ApplicationScoped
public class FeedThreadLiveness implements HealthCheck {

    private final EventFeed feed;

    public FeedThreadLiveness(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-feed-thread").status(feed.running()).build();
    }
}
