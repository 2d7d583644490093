package io.tickstock.gateway.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.model.serde.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/**
 * What a client may ask (SPEC §8): {@code subscribe}, {@code unsubscribe}, {@code ping}. Each request is answered
 * with its ack or a numbered error; a bad request changes nothing.
 */
@ApplicationScoped
public class ClientActions {

    static final int BAD_REQUEST = 400;
    static final int SUBSCRIPTION_LIMIT = 405;

    private final GatewayConfig config;

    public ClientActions(GatewayConfig config) {
        this.config = config;
    }

    public void handle(ClientSession session, String text) {
        JsonNode request;
        try {
            request = Json.mapper().readTree(text);
        } catch (IOException e) {
            session.send(Frames.error(BAD_REQUEST, "not JSON: expected {\"action\":…,\"params\":…}"));
            return;
        }
        String action = request.path("action").asText("");
        String params = request.path("params").isTextual() ? request.path("params").asText() : null;
        switch (action) {
            case "subscribe" -> change(session, params, true);
            case "unsubscribe" -> change(session, params, false);
            case "ping" -> session.send(Frames.pong());
            default -> session.send(Frames.error(BAD_REQUEST,
                    "unknown action '" + action + "': use subscribe, unsubscribe or ping"));
        }
    }

    private void change(ClientSession session, String params, boolean subscribe) {
        List<Subscription> patterns;
        try {
            patterns = Subscriptions.parseParams(params);
        } catch (IllegalArgumentException e) {
            session.send(Frames.error(BAD_REQUEST, e.getMessage()));
            return;
        }
        Subscriptions current = session.subscriptions();
        Subscriptions next = subscribe ? current.plus(patterns) : current.minus(patterns);
        if (next.size() > config.maxSubscriptions()) {
            session.send(Frames.error(SUBSCRIPTION_LIMIT,
                    "at most " + config.maxSubscriptions() + " subscriptions per client"));
            return;
        }
        session.subscribe(next, Frames.subscribed(next.asText()));
    }
}
