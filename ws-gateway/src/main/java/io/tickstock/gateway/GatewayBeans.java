package io.tickstock.gateway;

import io.tickstock.gateway.consume.RepeatFilter;
import io.tickstock.gateway.route.SnapshotCache;
import io.tickstock.gateway.socket.SessionSettings;
import io.tickstock.gateway.socket.SharedLimits;
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
    SharedLimits sharedLimits(GatewayConfig config) {
        return SharedLimits.of(config);
    }

    @Produces
    @Singleton
    SessionSettings sessionSettings(GatewayConfig config) {
        return SessionSettings.of(config);
    }
}
