package io.tickstock.perf.run;

import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.run.RunPlan.ClientGroup;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * The watch lists of a desk: each client follows 20 to 100 symbols of its own, every event type of them. About one
 * symbol in five is an actively traded name (the simulator trades the first 100 of its universe: its known tickers,
 * then {@code SYM0001}–{@code SYM0050}), the rest come from the bar-only universe up to {@code SYM7950}. Seeded, so
 * every run has the same lists.
 */
final class WatchLists {

    static final long SEED = 13;
    static final int SMALLEST = 20;
    static final int LARGEST = 100;
    private static final int TRADED = 50;
    private static final int UNIVERSE = 7_950;

    private WatchLists() {
    }

    static ClientGroup group(String name, int count) {
        return new ClientGroup(name, count, WatchLists::of, SMALLEST + "–" + LARGEST
                + " random symbols each, every event type (" + "*.SYMnnnn; seed " + SEED + ")", false, true);
    }

    /** The watch list of the {@code i}-th client. */
    static Subscription of(int i) {
        Random random = new Random(SEED * 1_000_003 + i);
        int size = SMALLEST + random.nextInt(LARGEST - SMALLEST + 1);
        Set<String> patterns = new LinkedHashSet<>();
        while (patterns.size() < size) {
            int symbol = random.nextInt(5) == 0 ? 1 + random.nextInt(TRADED)
                    : TRADED + 1 + random.nextInt(UNIVERSE - TRADED);
            patterns.add("*.SYM%04d".formatted(symbol));
        }
        return Subscription.of(String.join(",", patterns));
    }
}
