package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.consume.FeedState;
import io.tickstock.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Decides at the HTTP upgrade, before there is a WebSocket to send errors on: 503 until the feed is live (a client
 * would connect to silence), 503 with {@code Retry-After} when {@code max-clients} are connected (the heap is sized
 * for them; a client retries, through the Service most likely on another replica), 403 for a browser origin not on
 * the allow-list (unset: the page's own host only; {@code *}: any). Programs send no {@code Origin} and are let
 * through to authenticate.
 */
@ApplicationScoped
public class UpgradeCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> RETRY_SOON = Map.of("Retry-After", List.of("5"));

    private final FeedState feed;
    private final ClientRegistry clients;
    private final GatewayMetrics metrics;
    private final int maxClients;
    private final List<String> allowedOrigins;

    public UpgradeCheck(FeedState feed, ClientRegistry clients, GatewayMetrics metrics, GatewayConfig config) {
        this.feed = feed;
        this.clients = clients;
        this.metrics = metrics;
        this.maxClients = config.maxClients();
        this.allowedOrigins = config.allowedOrigins().orElse(List.of());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (!feed.live()) {
            return CheckResult.rejectUpgrade(503);
        }
        if (clients.count() >= maxClients) {
            metrics.refusedFull();
            return CheckResult.rejectUpgrade(503, RETRY_SOON);
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
