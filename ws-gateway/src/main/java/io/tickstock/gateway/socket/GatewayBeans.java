package io.tickstock.gateway.socket;

import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.consume.RepeatFilter;
import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.route.SnapshotCache;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The plain classes the gateway shares as beans, sized by configuration. Here, at the end of the data flow, because
 * it reaches every package before it.
 */
public class GatewayBeans {

    @Produces
    @Singleton
    SnapshotCache snapshotCache(GatewayConfig config) {
        return new SnapshotCache(config.snapshotEntries());
    }

    @Produces
    @Singleton
    RepeatFilter repeatFilter(GatewayConfig config) {
        return new RepeatFilter(config.repeatWindow());
    }

    @Produces
    @Singleton
    RecentEvents recentEvents(GatewayConfig config) {
        return new RecentEvents(config.recentEvents());
    }

    @Produces
    @Singleton
    SessionSettings sessionSettings(GatewayConfig config) {
        return SessionSettings.of(config);
    }
}
