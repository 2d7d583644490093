package io.tickstock.ingest.source.replay;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces a replay by its event times: at speed X, a message whose event time is D after the first one goes out D/X
 * after the replay started. Speed 0 sends as fast as possible. A message earlier than the one before it goes out at
 * once (files are not always sorted).
 */
public final class ReplayPacer {

    /** Waits; the real one parks the thread, tests record the waits. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long anchorNanos;
    private long anchorTime = Long.MIN_VALUE;

    public ReplayPacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the replay speed must be 0 (as fast as possible) or more, not " + speed);
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Returns when the message with event time {@code eventMillis} is due. */
    public void await(long eventMillis) throws InterruptedException {
        if (speed == 0) {
            return;
        }
        if (anchorTime == Long.MIN_VALUE) {
            anchorTime = eventMillis;
            anchorNanos = nanoTime.getAsLong();
            return;
        }
        long due = anchorNanos + (long) (TimeUnit.MILLISECONDS.toNanos(eventMillis - anchorTime) / speed);
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    public static void park(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }
}
