package io.tickstock.ingest.source.provider;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: doubling from {@code initial} up to {@code max}, each drawn at random from the upper half of
 * its step ("equal jitter"), so a fleet that lost the provider at the same moment does not return in lock-step,
 * yet no retry comes sooner than half its step.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; each call is one more failed attempt. */
    public synchronized Duration next() {
        long step = initialMillis << Math.min(attempt, 30);
        step = step <= 0 || step > maxMillis ? maxMillis : step;
        attempt++;
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }

    /** A connection that got through: the next failure starts from {@code initial} again. */
    public synchronized void reset() {
        attempt = 0;
    }

    public synchronized int attempts() {
        return attempt;
    }
}
