package io.tickstock.perf.run;

import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.run.RunPlan.ClientGroup;
import io.tickstock.perf.run.RunPlan.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The load scenarios of SPEC §9 and the issue, and what each one runs. */
public enum Scenario {

    /** SPEC §9: 8,000 OHLCV + 100 tick + 500 FMV symbols, 50,000 messages/min, 5 min. */
    MARKET_OPEN_SURGE("market_open_surge", 5),
    /** SPEC §9: 8,000 / 500 / 1,000 symbols, 10,000 messages/min, 30 min. */
    STEADY_STATE("steady_state", 30),
    /** The minute bursts of 8,000 bars, over the light steady-state background: last bar ingested → last event. */
    OHLCV_BURST("ohlcv_burst", 6),
    /** The surge profile ×1, ×2, … ×20 until the tick p99 passes the limit or anything is missing. */
    RAMP("ramp", 0),
    /**
     * The surge profile as a desk sees it: a thousand clients, nine in ten on a watch list of their own, one in ten
     * on the movers screen, and one that stops reading.
     */
    FANOUT("fanout", 5),
    /** The worst case of fan-out: a thousand clients all on the movers screen, and one that stops reading. */
    FANOUT_FIREHOSE("fanout_firehose", 5),
    /** A short run of the demo profile: the CI check that nothing is lost or repeated. */
    SMOKE("smoke", 1);

    /** Every event there is: what the main measuring client subscribes to. */
    public static final Subscription EVERYTHING = Subscription.of("*.*");
    /** The tick channel's events across the market: a desk's movers screen. */
    public static final Subscription TICK_EVENTS = Subscription.of("high.*,low.*,surge.*,trend.*");
    /** A watch list: every event type of a few symbols, traded and bar-only ones. */
    public static final Subscription WATCHLIST =
            Subscription.of("*.AAPL,*.MSFT,*.NVDA,*.TSLA,*.SPY,*.SYM0100,*.SYM2000,*.SYM7000");

    /** The ramp's speeds: the surge profile's 50,000 messages/min times these. */
    public static final List<Double> RAMP_MULTIPLIERS = List.of(1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0,
            18.0, 20.0);

    private final String id;
    private final int defaultMinutes;

    Scenario(String id, int defaultMinutes) {
        this.id = id;
        this.defaultMinutes = defaultMinutes;
    }

    public String id() {
        return id;
    }

    public static Scenario of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Scenario scenario : values()) {
            if (scenario.id.equals(wanted)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "'; choose one of " + ids());
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(Scenario::id).toList();
    }

    /** Options a user may set on any scenario; absent values take the scenario's own. */
    public record Options(Double minutes, Integer clients, Integer stepSeconds, Double multiplier,
            double p99LimitMillis, Duration warmup, Duration drainTimeout) {
    }

    public RunPlan plan(Options options) {
        double multiplier = options.multiplier() == null ? 1 : options.multiplier();
        Duration length = Duration.ofMillis(Math.round((options.minutes() == null ? defaultMinutes
                : options.minutes()) * 60_000));
        List<ClientGroup> clients = new ArrayList<>(measuringClients());
        List<Phase> phases = List.of(new Phase(multiplier, length));
        String profile = this == STEADY_STATE || this == OHLCV_BURST ? "steady_state"
                : this == SMOKE ? "demo" : "market_open_surge";
        boolean stopWhenBad = false;
        switch (this) {
            case RAMP -> {
                Duration step = Duration.ofSeconds(options.stepSeconds() == null ? 60 : options.stepSeconds());
                phases = RAMP_MULTIPLIERS.stream().map(m -> new Phase(m, step)).toList();
                stopWhenBad = true;
            }
            case FANOUT -> {
                int count = options.clients() == null ? 1_000 : options.clients();
                int movers = Math.max(1, count / 10);
                clients.add(new ClientGroup("movers", movers, TICK_EVENTS, false, true));
                clients.add(WatchLists.group("watchlists", count - movers));
                clients.add(new ClientGroup("stalled", 1, EVERYTHING, true, false));
            }
            case FANOUT_FIREHOSE -> {
                clients.add(new ClientGroup("fanout", options.clients() == null ? 1_000 : options.clients(),
                        TICK_EVENTS, false, true));
                clients.add(new ClientGroup("stalled", 1, EVERYTHING, true, false));
            }
            default -> {
                if (options.clients() != null) {
                    clients.add(new ClientGroup("extra", options.clients(), EVERYTHING, false, true));
                }
            }
        }
        return new RunPlan(id, profile, phases, clients, stopWhenBad, options.p99LimitMillis(), options.warmup(),
                options.drainTimeout());
    }

    /** Every scenario's three measuring clients: everything, the tick screen, a watch list. */
    private static List<ClientGroup> measuringClients() {
        return List.of(new ClientGroup("all", 1, EVERYTHING, false, true),
                new ClientGroup("tick", 1, TICK_EVENTS, false, true),
                new ClientGroup("watchlist", 1, WATCHLIST, false, true));
    }
}
