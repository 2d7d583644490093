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

    /**
     * Events the snapshot cache keeps (the latest per symbol and type, about 1.3 KB each); past it, the symbols that
     * went longest without an event are forgotten.
     */
    @WithDefault("20000")
    int snapshotEntries();

    /**
     * Events the log of recent events keeps for all clients (about 1.3 KB each): a client that falls further behind
     * reads the events topic until it is back inside.
     */
    @WithDefault("32768")
    int recentEvents();

    /** Event ids the repeat filter remembers (SPEC §5.3: an id reaches a client from its first position only). */
    @WithDefault("200000")
    int repeatWindow();

    /** Most subscription patterns one client may hold (error 405 beyond). */
    @WithDefault("1000")
    int maxSubscriptions();

    /**
     * For a client that subscribed with {@code "conflate":true}: events behind at which its P3 events are shed (from
     * half of it) and its P2/P3 conflated to the latest per (symbol, type) (from three quarters).
     */
    @WithDefault("2000")
    int slowBacklog();

    /** A client further behind the feed than this many records of the events topic is closed (407). */
    @WithDefault("1000000")
    long maxLag();

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

    /**
     * A client that answers neither a ping nor anything else for this long, or that has not taken the frame on the
     * wire for this long, is closed (407).
     */
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

    /**
     * How long a subscribe's snapshot waits, on a connection that has sent nothing yet, for the {@code resume} that may
     * follow it (the two-step form): a resume then trims it to the state before its cursor.
     */
    @WithDefault("500ms")
    Duration snapshotHold();

    /** Readers of the events topic serving, in turns, the clients the log of recent events does not cover. */
    @WithDefault("2")
    int catchUpReaders();

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
