package io.tickstock.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Everything the ingest service reads from configuration ({@code tickstock.ingest.*}, env {@code TICKSTOCK_INGEST_*}). */
@ConfigMapping(prefix = "tickstock.ingest")
public interface IngestConfig {

    /** Which live source feeds the raw topics at start; replays run beside it on demand. */
    @WithDefault("provider")
    SourceKind source();

    TopicNames topics();

    Validation validation();

    Simulator simulator();

    Provider provider();

    Replay replay();

    enum SourceKind {
        SIMULATOR,
        PROVIDER,
        NONE
    }

    interface TopicNames {
        @WithDefault(Topics.RAW_TICK)
        String tick();

        @WithDefault(Topics.RAW_OHLCV)
        String ohlcv();

        @WithDefault(Topics.RAW_FMV)
        String fmv();

        @WithDefault(Topics.RAW_DLQ)
        String dlq();
    }

    interface Validation {
        /** A whole frame (WebSocket message, replay line) larger than this is rejected unread. */
        @WithDefault("1048576")
        int maxFrameBytes();

        /** One provider message larger than this is rejected (SPEC §3: 64 KiB). */
        @WithDefault("65536")
        int maxMessageBytes();

        /** Timestamps further ahead of the wall clock than this are implausible. */
        @WithDefault("1d")
        Duration maxAhead();

        /** Dead letters keep at most this many of the original bytes (a huge frame is cut, and says so). */
        @WithDefault("262144")
        int deadLetterMaxBytes();

        /** Rejections logged per second at most; the rest are counted and summarised. */
        @WithDefault("5")
        int logPerSecond();
    }

    interface Simulator {
        /** {@code demo}, {@code market_open_surge}, {@code steady_state} or {@code trades} (see docs/operations.md). */
        @WithDefault("demo")
        String profile();

        /** Same seed, same profile: the same messages (timestamps are relative to the start). */
        @WithDefault("42")
        long seed();

        /** Explicit tick symbols; otherwise the profile's count of well-known tickers, then SYM0001… */
        Optional<List<String>> symbols();

        /** Overrides the profile's number of tick (trade) symbols. */
        OptionalInt symbolCount();

        /** Overrides the profile's trade rate, over all tick symbols. */
        OptionalDouble tradesPerSecond();

        /** Overrides the profile's standard deviation of one trade's log return. */
        OptionalDouble volatility();

        /** The market runs this many times faster than the wall clock, every feed alike (1 … 20). */
        @WithDefault("1")
        double rateMultiplier();

        /** Fraction of messages sent a second time, 0 … 1 (re-sent as providers do after a reconnect). */
        @WithDefault("0")
        double duplicateRate();

        /** Stop after this many messages (duplicates included); unbounded when absent. */
        OptionalLong maxMessages();

        /** Stop after this much simulated time; the profile's own length when absent. */
        Optional<Duration> duration();
    }

    interface Provider {
        /** {@code wss://…} or {@code ws://…}; set by TICKSTOCK_PROVIDER_URL. */
        Optional<String> url();

        /** The API key sent in the auth action; set by TICKSTOCK_PROVIDER_KEY; never logged. */
        Optional<String> key();

        /** The subscribe params; set by TICKSTOCK_PROVIDER_SUBSCRIBE. */
        @WithDefault("T.*,A.*,AM.*,FMV.*")
        String subscribe();

        /** First reconnect delay; doubles per failed attempt, with jitter, up to {@link #backoffMax()}. */
        @WithDefault("1s")
        Duration backoffInitial();

        @WithDefault("60s")
        Duration backoffMax();

        @WithDefault("10s")
        Duration connectTimeout();

        /** WebSocket pings keep NATs open and detect a dead peer: no pong within two intervals = reconnect. */
        @WithDefault("30s")
        Duration pingInterval();
    }

    interface Replay {
        /** Zone of CSV timestamps that carry no offset of their own. */
        @WithDefault("UTC")
        String csvZone();
    }
}
