package io.tickstock.model;

import java.util.List;

/**
 * Default topic names (SPEC §2). Every service reads the actual names from its configuration; these constants are
 * the defaults those configurations fall back to.
 */
public final class Topics {

    public static final String RAW_TICK = "tickstock.raw.tick";
    public static final String RAW_OHLCV = "tickstock.raw.ohlcv";
    public static final String RAW_FMV = "tickstock.raw.fmv";
    public static final String RAW_DLQ = "tickstock.raw.dlq";
    public static final String EVENTS = "tickstock.events";
    public static final String PROCESSOR_DLQ = "tickstock.processor.dlq";

    /** Every topic of SPEC §2, in that order: what the local stack creates. */
    public static final List<String> ALL = List.of(RAW_TICK, RAW_OHLCV, RAW_FMV, RAW_DLQ, EVENTS, PROCESSOR_DLQ);

    /** Header carrying an event's priority (SPEC §6), so consumers can order without parsing the value. */
    public static final String PRIORITY_HEADER = "tickstock-priority";

    /**
     * Header of raw and raw dead-letter records saying exactly where the input came from, beyond the source name:
     * the provider connection, the replay file and line, the simulator profile and seed.
     */
    public static final String ORIGIN_HEADER = "tickstock-origin";

    /**
     * Ends the {@link #ORIGIN_HEADER} of a record the simulator re-sent on purpose (its injected duplicates), so a
     * run's raw topics say record by record which repeats were injected, whatever restarts the counters saw.
     */
    public static final String RESENT_ORIGIN_SUFFIX = " (injected re-send)";

    private Topics() {
    }

    /** The raw topic a feed is published to by default. */
    public static String rawTopicOf(Feed feed) {
        return switch (feed.channel()) {
            case TICK -> RAW_TICK;
            case OHLCV -> RAW_OHLCV;
            case FMV -> RAW_FMV;
        };
    }
}
