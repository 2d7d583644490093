package io.tickstock.gateway;

import io.tickstock.gateway.consume.RepeatFilter;
import io.tickstock.gateway.queue.QueueBudget;
import io.tickstock.gateway.route.SnapshotCache;
import io.tickstock.gateway.socket.SessionSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain classes the gateway shares as beans, sized by configuration. */
public class GatewayBeans {

    @Produces
    @Singleton
    SnapshotCache snapshotCache(GatewayConfig config) {
        return new SnapshotCache(config.snapshotSymbols());
    }

    @Produces
    @Singleton
    RepeatFilter repeatFilter(GatewayConfig config) {
        return new RepeatFilter(config.repeatWindow());
    }

    @Produces
    @Singleton
    QueueBudget queueBudget(GatewayConfig config) {
        return new QueueBudget(config.maxQueuedEvents(), config.queueCapacity());
    }

    @Produces
    @Singleton
    SessionSettings sessionSettings(GatewayConfig config) {
        return SessionSettings.of(config);
    }
}
