package io.tickstock.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the gateway reads from configuration ({@code tickstock.gateway.*}, env {@code TICKSTOCK_GATEWAY_*}). */
@ConfigMapping(prefix = "tickstock.gateway")
public interface GatewayConfig {

    @WithDefault(Topics.EVENTS)
    String eventsTopic();

    /** Longest a poll of the events topic waits; bounds how long shutdown takes. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /** Records per partition read back at start to rebuild the snapshot cache and the repeat filter. */
    @WithDefault("100000")
    int rebuildDepth();

    /** Symbols the snapshot cache keeps (each with its latest event per type). */
    @WithDefault("20000")
    int snapshotSymbols();

    /** Event ids the repeat filter remembers (SPEC §5.3: an id reaches a client from its first position only). */
    @WithDefault("200000")
    int repeatWindow();

    /** Most subscription patterns one client may hold (error 405 beyond). */
    @WithDefault("1000")
    int maxSubscriptions();

    /** Events one client may have waiting; the slow-client policy works in fractions of it. */
    @WithDefault("2000")
    int queueCapacity();

    /**
     * Events all clients together may have queued: each client's queue is this divided by the clients connected,
     * at most {@link #queueCapacity()} (at least 64), so the slow-client policy starts earlier as clients grow.
     */
    @WithDefault("1000000")
    int maxQueuedEvents();

    /** Most clients connected at once; the upgrade of one more is refused with 503 (another replica takes it). */
    @WithDefault("1200")
    int maxClients();

    /** Most events in one server frame. */
    @WithDefault("500")
    int maxFrameEvents();

    /**
     * About the most bytes of events in one server frame (one event more may cross it). Large frames are what lets
     * a client that fell behind catch up; their memory is bounded by {@link #maxWireBytes()}.
     */
    @WithDefault("262144")
    int maxFrameBytes();

    /**
     * Bytes of frames on the wire for all clients together: a frame waits whole on a slow socket, so each client's
     * frames are at most this divided by the clients connected (at most {@link #maxFrameBytes()}, at least 16 KiB).
     */
    @WithDefault("67108864")
    long maxWireBytes();

    /** Largest client message accepted (error 413 and close beyond). */
    @WithDefault("16384")
    int maxMessageBytes();

    /** Client messages per second a client may send on average (error 429 beyond)... */
    @WithDefault("20")
    int maxMessagesPerSecond();

    /** ...and in a burst. */
    @WithDefault("50")
    int maxMessageBurst();

    @WithDefault("15s")
    Duration heartbeatInterval();

    /** A client that answers neither a ping nor anything else for this long is closed (407). */
    @WithDefault("45s")
    Duration clientTimeout();

    /** Longest a close waits for the frame on the wire to finish (nothing is cut in half before that). */
    @WithDefault("5s")
    Duration closeTimeout();

    /** Browser origins allowed to connect; {@code *} for any. Unset: the page's own host only. */
    Optional<List<String>> allowedOrigins();

    /** Events a connection remembers having sent, so a resume on it never repeats one; resume only within. */
    @WithDefault("2000")
    int resumeWindow();

    /** Resumes replaying from Kafka at once; more wait their turn. */
    @WithDefault("4")
    int maxConcurrentResumes();

    Auth auth();

    /** Token auth (SPEC §10): off in the local profile, on in prod. */
    interface Auth {
        @WithDefault("false")
        boolean enabled();

        /** No auth within this long after connect: error 404 and close. */
        @WithDefault("10s")
        Duration timeout();

        /** SHA-256 (hex) of each accepted API key: the keys themselves are never configured. */
        Optional<List<String>> apiKeySha256();

        Jwt jwt();
    }

    /** JWTs from an identity provider: HS256 with a shared secret, or RS256/ES256 with its public key. */
    interface Jwt {
        Optional<String> secret();

        /** PEM ({@code -----BEGIN PUBLIC KEY-----…}) or its base64 body. */
        Optional<String> publicKey();

        Optional<String> issuer();

        Optional<String> audience();
    }
}
