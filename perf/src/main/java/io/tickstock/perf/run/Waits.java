package io.tickstock.perf.run;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Polling waits with a bound: the caller learns whether the condition came true in time, and must say what it means
 * when it did not. The clock is a parameter, so that the verdicts built on waits can be tested without waiting.
 */
public final class Waits {

    /** The real clock, polled every half second. */
    public static final Waits SYSTEM = new Waits(System::nanoTime, PerfRun::sleep, Duration.ofMillis(500));

    private final LongSupplier nanos;
    private final Consumer<Duration> sleep;
    private final Duration poll;

    public Waits(LongSupplier nanos, Consumer<Duration> sleep, Duration poll) {
        this.nanos = nanos;
        this.sleep = sleep;
        this.poll = poll;
    }

    /** Polls {@code condition} until it holds (true) or {@code timeout} has passed (false: it did not hold). */
    public boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = nanos.getAsLong() + timeout.toNanos();
        while (nanos.getAsLong() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep.accept(poll);
        }
        return condition.getAsBoolean();
    }

    /** A value watched until it stops changing. */
    public Stable stable(Supplier<Object> value) {
        return new Stable(value);
    }

    /** A value watched until it stops changing. */
    public final class Stable {
        private final Supplier<Object> value;
        private Object last;
        private long since = nanos.getAsLong();

        private Stable(Supplier<Object> value) {
            this.value = value;
        }

        /** True when the value equals the one of the previous call. */
        public boolean still() {
            Object now = value.get();
            boolean same = now.equals(last);
            if (!same) {
                since = nanos.getAsLong();
            }
            last = now;
            return same;
        }

        /** True when the value has not changed for {@code duration}. */
        public boolean stillFor(Duration duration) {
            still();
            return nanos.getAsLong() - since >= duration.toNanos();
        }
    }
}
