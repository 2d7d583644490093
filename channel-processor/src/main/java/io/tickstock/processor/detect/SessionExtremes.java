package io.tickstock.processor.detect;

/**
 * One symbol's high/low state in one session.
 *
 * @param sessionDay the session's New York epoch day
 * @param high highest price of the session so far
 * @param low lowest price of the session so far
 * @param lastHigh the last emitted {@code high} (the seed until one is emitted)
 * @param lastLow the last emitted {@code low} (the seed until one is emitted)
 * @param lastHighAt event time of the last emitted {@code high}, or {@link #NEVER}
 * @param lastLowAt event time of the last emitted {@code low}, or {@link #NEVER}
 */
public record SessionExtremes(
        long sessionDay, double high, double low, double lastHigh, double lastLow, long lastHighAt, long lastLowAt) {

    public static final long NEVER = Thresholds.NEVER;

    /** The first prices of a session set the extremes without an event. */
    public static SessionExtremes seed(long sessionDay, double high, double low) {
        return new SessionExtremes(sessionDay, high, low, high, low, NEVER, NEVER);
    }
}
