package io.tickstock.processor.state;

import java.util.Arrays;

/**
 * The times that identify a symbol's recent inputs of one kind (a bar's start, a quote's timestamp), newest last,
 * kept for the dedup retention behind the newest: SPEC §5.1's memory of what was already processed, for inputs
 * that arrive at most a few times a minute per symbol, stored with the symbol's state instead of one store entry
 * per input.
 */
public record SeenTimes(long[] times) {

    public static final SeenTimes NONE = new SeenTimes(new long[0]);

    public boolean contains(long time) {
        for (int i = times.length - 1; i >= 0; i--) {
            if (times[i] == time) {
                return true;
            }
        }
        return false;
    }

    /** The newest time, or {@link Long#MIN_VALUE} when there is none. */
    public long newest() {
        return times.length == 0 ? Long.MIN_VALUE : times[times.length - 1];
    }

    /** With {@code time} added in order, keeping what lies within {@code retention} of the newest. */
    public SeenTimes with(long time, long retention) {
        if (contains(time)) {
            return this;
        }
        long oldestKept = Math.max(time, newest()) - retention;
        long[] next = new long[times.length + 1];
        int size = 0;
        boolean pending = true;
        for (long t : times) {
            if (pending && time < t) {
                size = keep(next, size, time, oldestKept);
                pending = false;
            }
            size = keep(next, size, t, oldestKept);
        }
        if (pending) {
            size = keep(next, size, time, oldestKept);
        }
        return new SeenTimes(size == next.length ? next : Arrays.copyOf(next, size));
    }

    private static int keep(long[] into, int size, long time, long oldestKept) {
        if (time >= oldestKept) {
            into[size++] = time;
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeenTimes seen && Arrays.equals(times, seen.times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return Arrays.toString(times);
    }
}
