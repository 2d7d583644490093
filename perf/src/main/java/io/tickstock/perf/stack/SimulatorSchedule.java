package io.tickstock.perf.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * When the ingest simulator had each message due, as it reports its schedule ({@code simulator.schedule} of the
 * ingest status): the provider timestamp it stamps on a message is its simulated time, and simulated time runs
 * {@code multiplier}× the wall clock from each change of speed. At ×1 from the start a message's due time is its
 * provider timestamp; at other speeds it is not, so every stretch the run saw is kept.
 */
public final class SimulatorSchedule {

    /**
     * From simulated time {@code time}, due at {@code wallMillis}, simulated time runs {@code multiplier}× the wall
     * clock. Messages of simulated time before {@code start} (the backfill of earlier bars) are due at {@code start}.
     */
    public record Stretch(long start, long time, double wallMillis, double multiplier) {

        double dueMillis(long providerTs) {
            return wallMillis + (Math.max(providerTs, start) - time) / multiplier;
        }
    }

    private final List<Stretch> stretches;

    private SimulatorSchedule(List<Stretch> stretches) {
        this.stretches = List.copyOf(stretches);
    }

    public static SimulatorSchedule of(Stretch first) {
        return new SimulatorSchedule(List.of(first));
    }

    /** This schedule with {@code next} from its simulated time on; the same schedule when it is the last stretch. */
    public SimulatorSchedule then(Stretch next) {
        Stretch last = stretches.get(stretches.size() - 1);
        if (next.equals(last)) {
            return this;
        }
        if (next.start() != last.start() || next.time() < last.time()) {
            throw new IllegalArgumentException("a stretch of another simulator run, or one going back in time: "
                    + next + " after " + last);
        }
        List<Stretch> longer = new ArrayList<>(stretches);
        longer.add(next);
        return new SimulatorSchedule(longer);
    }

    /** When the message stamped {@code providerTs} was due, epoch microseconds. */
    public long dueMicros(long providerTs) {
        long simulated = Math.max(providerTs, stretches.get(0).start());
        Stretch stretch = stretches.get(0);
        for (Stretch candidate : stretches) {
            if (candidate.time() <= simulated) {
                stretch = candidate;
            }
        }
        return Math.round(stretch.dueMillis(providerTs) * 1_000);
    }
}
