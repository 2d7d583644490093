package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.consume.FeedState;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/**
 * Decides at the HTTP upgrade, before there is a WebSocket to send errors on: 503 until the feed is live (a client
 * would connect to silence), 403 for a browser origin not on the allow-list (unset: the page's own host only;
 * {@code *}: any). Programs send no {@code Origin} and are let through to authenticate.
 */
@ApplicationScoped
public class UpgradeCheck implements HttpUpgradeCheck {

    private final FeedState feed;
    private final List<String> allowedOrigins;

    public UpgradeCheck(FeedState feed, GatewayConfig config) {
        this.feed = feed;
        this.allowedOrigins = config.allowedOrigins().orElse(List.of());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (!feed.live()) {
            return CheckResult.rejectUpgrade(503);
        }
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && !allowed(origin, context.httpRequest().getHeader("Host"))) {
            return CheckResult.rejectUpgrade(403);
        }
        return CheckResult.permitUpgrade();
    }

    boolean allowed(String origin, String host) {
        if (allowedOrigins.contains("*") || allowedOrigins.contains(origin)) {
            return true;
        }
        if (!allowedOrigins.isEmpty() || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
