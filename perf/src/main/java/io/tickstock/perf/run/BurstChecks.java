package io.tickstock.perf.run;

import io.tickstock.perf.expect.BarBursts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run's minute bursts can be timed as SPEC §9 times them. A burst left out of the figures is a failure of
 * the run with its reason — its events not all delivered, bars of it missing from the raw topic — unless the run
 * itself explains it, and then a note says so: the first or last burst cut by the input's start or end, a burst whose
 * bars fired no events.
 */
final class BurstChecks {

    /** What the bursts say about the run. */
    record Findings(List<String> failures, List<String> notes) {
    }

    private BurstChecks() {
    }

    /**
     * @param whole the bursts with every bar (as many as the largest one), with their events and deliveries
     * @param cut the bursts with fewer
     * @param client the client whose reads time the bursts
     */
    static Findings judge(List<BarBursts.Burst> whole, List<BarBursts.Burst> cut, String client) {
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int bars = whole.isEmpty() ? 0 : whole.get(0).bars();
        long first = Math.min(barEnd(whole, true), barEnd(cut, true));
        long last = Math.max(barEnd(whole, false), barEnd(cut, false));
        for (BarBursts.Burst burst : cut) {
            String what = "the minute burst of bars ending " + at(burst) + " had " + burst.bars() + " of " + bars
                    + " bars on the raw OHLCV topic";
            if (burst.barEnd() == first || burst.barEnd() == last) {
                notes.add(what + ": cut by the input's " + (burst.barEnd() == first ? "start" : "end")
                        + ", not timed");
            } else {
                failures.add(what);
            }
        }
        for (BarBursts.Burst burst : whole) {
            if (burst.events() == 0) {
                notes.add("the minute burst of bars ending " + at(burst) + " fired no events: not timed");
            } else if (burst.delivered() < burst.events()) {
                failures.add("the minute burst of bars ending " + at(burst) + " was not delivered whole: '" + client
                        + "' read " + burst.delivered() + " of its " + burst.events() + " events");
            }
        }
        return new Findings(failures, notes);
    }

    private static long barEnd(List<BarBursts.Burst> bursts, boolean first) {
        return bursts.stream().mapToLong(BarBursts.Burst::barEnd).reduce(first ? Math::min : Math::max)
                .orElse(first ? Long.MAX_VALUE : Long.MIN_VALUE);
    }

    private static String at(BarBursts.Burst burst) {
        return Instant.ofEpochMilli(burst.barEnd()).toString();
    }
}
