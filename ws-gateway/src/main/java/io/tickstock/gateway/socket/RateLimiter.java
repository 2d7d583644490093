package io.tickstock.gateway.socket;

/**
 * A token bucket for one client's messages: {@code perSecond} on average, {@code burst} at once. The caller holds
 * the session's lock. Also says when a 429 is due, at most once a second, so a flood is not answered by a flood.
 */
final class RateLimiter {

    private static final long SECOND = 1_000_000_000L;

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private long lastWarned = Long.MIN_VALUE / 2;

    RateLimiter(int perSecond, int burst, long now) {
        this.perNano = perSecond / (double) SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes one token at {@code now} (nanoseconds); false when the client is over its rate. */
    boolean tryAcquire(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** True when a refused message should be answered with 429 (the first refusal of each second). */
    boolean shouldWarn(long now) {
        if (now - lastWarned >= SECOND) {
            lastWarned = now;
            return true;
        }
        return false;
    }
}
