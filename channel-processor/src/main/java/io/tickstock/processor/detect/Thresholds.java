package io.tickstock.processor.detect;

/** The comparisons every detector shares, so a value exactly at a SPEC threshold behaves the same everywhere. */
public final class Thresholds {

    /** Marks a cooldown that never started: the first event of its kind is always allowed. */
    public static final long NEVER = Long.MIN_VALUE;

    /** Decimal thresholds (2 %, $0.05) are not exact in binary; this much below still counts as reaching them. */
    private static final double EPSILON = 1e-9;

    private Thresholds() {
    }

    /** {@code value >= threshold}, where a value equal to the threshold in decimal reaches it despite rounding. */
    public static boolean reaches(double value, double threshold) {
        return value >= threshold - EPSILON;
    }

    /**
     * True when at least {@code cooldownMillis} of event time passed since {@code lastAt}. A time before the last
     * event (a late or replayed input) never qualifies, so reprocessing an input cannot fire its event again.
     */
    public static boolean cooledDown(long lastAt, long time, long cooldownMillis) {
        return lastAt == NEVER || time - lastAt >= cooldownMillis;
    }
}
