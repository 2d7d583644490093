package io.tickstock.model;

import java.util.List;

/**
 * The names of the simulator's load profiles (SPEC §9): what the ingest service's {@code simulator.profile} and its
 * operator API take, {@code ./tickstock up --profile} offers and the perf scenarios drive. What each profile
 * simulates is the ingest service's ({@code SimulatorProfile}); this is the one list of their names.
 */
public final class SimulatorProfiles {

    public static final String DEMO = "demo";
    public static final String MARKET_OPEN_SURGE = "market_open_surge";
    public static final String STEADY_STATE = "steady_state";
    public static final String TRADES = "trades";

    /** Every profile, the default first. */
    public static final List<String> ALL = List.of(DEMO, MARKET_OPEN_SURGE, STEADY_STATE, TRADES);

    private SimulatorProfiles() {
    }

    /** "demo, market_open_surge, steady_state or trades": the choice, as a message offers it. */
    public static String choices() {
        return String.join(", ", ALL.subList(0, ALL.size() - 1)) + " or " + ALL.get(ALL.size() - 1);
    }
}
