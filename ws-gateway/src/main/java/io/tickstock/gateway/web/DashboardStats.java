package io.tickstock.gateway.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.gateway.compat.StockDataView;
import io.tickstock.gateway.consume.FeedState;
import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.socket.ClientRegistry;
import io.tickstock.gateway.socket.StreamView;
import io.tickstock.model.Channel;
import io.tickstock.model.serde.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code GET /api/stats}: the gateway's numbers for the dashboard (connected clients, what the feed read). */
@ApplicationScoped
public class DashboardStats {

    private final ClientRegistry clients;
    private final FeedState feed;
    private final GatewayMetrics metrics;

    public DashboardStats(ClientRegistry clients, FeedState feed, GatewayMetrics metrics) {
        this.clients = clients;
        this.feed = feed;
        this.metrics = metrics;
    }

    void routes(@Observes Router router) {
        router.get("/api/stats").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(stats().toString()));
    }

    ObjectNode stats() {
        ObjectNode stats = Json.mapper().createObjectNode();
        stats.put("clients", clients.count());
        ObjectNode byEndpoint = stats.putObject("clientsByEndpoint");
        byEndpoint.put("/ws/v1", clients.count(StreamView.INSTANCE));
        byEndpoint.put("/ws/v1/stock_data", clients.count(StockDataView.INSTANCE));
        stats.put("subscriptions", clients.subscriptions());
        stats.put("behind", clients.lag());
        stats.put("sent", (long) metrics.sentTotal());
        stats.put("consumerLag", feed.lag());
        ObjectNode received = stats.putObject("received");
        for (Channel channel : Channel.values()) {
            received.put(channel.wireName(), feed.received(channel));
        }
        stats.put("time", System.currentTimeMillis());
        return stats;
    }
}
