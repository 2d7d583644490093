package io.tickstock.perf.run;

import java.util.Arrays;

/** When each phase of a run began, so an input's time says which phase it belongs to. */
final class PhaseClock {

    private volatile long[] starts = new long[0];

    /** Phase {@code starts.length} begins at {@code atMillis}. */
    synchronized void begin(long atMillis) {
        long[] next = Arrays.copyOf(starts, starts.length + 1);
        next[starts.length] = atMillis;
        starts = next;
    }

    /** The phase running at {@code millis}; -1 before the first. */
    int phaseAt(long millis) {
        long[] known = starts;
        for (int i = known.length - 1; i >= 0; i--) {
            if (millis >= known[i]) {
                return i;
            }
        }
        return -1;
    }

    int current() {
        return starts.length - 1;
    }

    long startOf(int phase) {
        return starts[phase];
    }
}
