package io.tickstock.gateway.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.auth.TokenVerifier;
import io.tickstock.gateway.consume.FeedState;
import io.tickstock.gateway.resume.Cursor;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.model.serde.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a client may send (SPEC §8): {@code auth}, {@code subscribe}, {@code unsubscribe}, {@code resume},
 * {@code ping}. Every message is checked for size (413) and rate (429) before it is read; each request is answered
 * with its ack or a numbered error, and a bad request changes nothing.
 */
@ApplicationScoped
public class ClientActions {

    private final GatewayConfig config;
    private final TokenVerifier tokens;
    private final FeedState feed;

    public ClientActions(GatewayConfig config, TokenVerifier tokens, FeedState feed) {
        this.config = config;
        this.tokens = tokens;
        this.feed = feed;
    }

    public void handle(ClientSession session, String text) {
        long now = System.nanoTime();
        session.heard(now);
        if (tooLarge(text)) {
            session.error(ErrorCode.TOO_LARGE, "messages are limited to " + config.maxMessageBytes() + " bytes");
            return;
        }
        if (!session.admit(now)) {
            return;
        }
        JsonNode request;
        try {
            request = Json.mapper().readTree(text);
        } catch (IOException e) {
            session.error(ErrorCode.BAD_REQUEST, "not JSON: expected {\"action\":…,\"params\":…}");
            return;
        }
        String action = request.path("action").asText("");
        String params = request.path("params").isTextual() ? request.path("params").asText() : null;
        if (!session.authenticated() && !action.equals("auth")) {
            session.error(ErrorCode.NOT_AUTHENTICATED, "authenticate first: {\"action\":\"auth\",\"params\":TOKEN}");
            return;
        }
        if (!action.equals("subscribe") && !action.equals("resume")) {
            // the message after a subscribe is not its resume: a held snapshot goes out
            session.release();
        }
        switch (action) {
            case "auth" -> auth(session, params);
            case "subscribe" -> subscribe(session, request, params);
            case "unsubscribe" -> unsubscribe(session, params);
            case "resume" -> resume(session, params);
            case "ping" -> session.reply(Frames.pong());
            default -> session.error(ErrorCode.BAD_REQUEST,
                    "unknown action '" + action + "': use auth, subscribe, unsubscribe, resume or ping");
        }
    }

    /** Binary frames are not part of the protocol. */
    public void binary(ClientSession session) {
        session.heard(System.nanoTime());
        if (session.admit(System.nanoTime())) {
            session.error(ErrorCode.BAD_REQUEST, "binary frames are not part of the protocol: send JSON text");
        }
    }

    private boolean tooLarge(String text) {
        int limit = config.maxMessageBytes();
        return text.length() > limit
                || (text.length() * 3L > limit && text.getBytes(StandardCharsets.UTF_8).length > limit);
    }

    private void auth(ClientSession session, String token) {
        if (!config.auth().enabled()) {
            session.authenticate(Long.MAX_VALUE);
            return;
        }
        TokenVerifier.Verdict verdict = tokens.verify(token);
        if (verdict.accepted()) {
            session.authenticate(verdict.expiresAtMillis());
        } else {
            session.error(ErrorCode.AUTH_FAILED, verdict.reason());
        }
    }

    /** {@code snapshot} (default true), {@code conflate} (default false), {@code cursor}: also a resume. */
    private void subscribe(ClientSession session, JsonNode request, String params) {
        List<Subscription> patterns = patterns(session, params);
        if (patterns == null) {
            return;
        }
        Cursor cursor = null;
        if (request.has("cursor")) {
            cursor = cursor(session, request.path("cursor").isTextual() ? request.path("cursor").asText() : null);
            if (cursor == null) {
                return;
            }
        }
        Subscriptions next = session.subscriptions().plus(patterns);
        if (next.size() > config.maxSubscriptions()) {
            session.error(ErrorCode.SUBSCRIPTION_LIMIT, "at most " + config.maxSubscriptions()
                    + " subscriptions per client; you hold " + session.subscriptions().size());
            return;
        }
        session.subscribe(next, !request.path("snapshot").asText("true").equals("false"),
                request.path("conflate").asBoolean(false), cursor);
    }

    private void unsubscribe(ClientSession session, String params) {
        List<Subscription> patterns = patterns(session, params);
        if (patterns != null) {
            session.unsubscribe(session.subscriptions().minus(patterns));
        }
    }

    private static List<Subscription> patterns(ClientSession session, String params) {
        try {
            return session.view().patterns(params);
        } catch (IllegalArgumentException e) {
            session.error(ErrorCode.BAD_REQUEST, e.getMessage());
            return null;
        }
    }

    private void resume(ClientSession session, String params) {
        Cursor cursor = cursor(session, params);
        if (cursor != null) {
            session.resume(cursor);
        }
    }

    /** The cursor {@code text} names, or null when it is none this topic can have (the client is told: 400). */
    private Cursor cursor(ClientSession session, String text) {
        try {
            Cursor cursor = Cursor.parse(text);
            if (cursor.partitions() <= feed.partitions()) {
                return cursor;
            }
            session.error(ErrorCode.BAD_REQUEST, "the cursor names " + cursor.partitions() + " partitions, "
                    + config.eventsTopic() + " has " + feed.partitions());
        } catch (IllegalArgumentException e) {
            session.error(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        return null;
    }
}
