package io.tickstock.perf.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every number a run is judged by, in one place and written the way SPEC §9 (and the issues that set a stricter bar
 * for their own work) write them, {@code <} and {@code ≤} kept apart. Verdict code compares through a
 * {@link Threshold}, never against a bare number, so a bound cannot drift from its text in the report. Beside them
 * the defaults of every setting a verdict depends on (warm-ups, windows, timeouts): the commands' options take their
 * defaults from here, each result records the settings it ran with ({@link RunRules}), and {@link #differences}
 * says how a run's settings differ from these.
 */
public final class Rules {

    /** How a measured value must relate to its limit. */
    public enum Bound {
        BELOW("<"), AT_MOST("≤"), AT_LEAST("≥");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case BELOW -> value < limit;
                case AT_MOST -> value <= limit;
                case AT_LEAST -> value >= limit;
            };
        }
    }

    /** A limit with its bound and unit; {@link #text()} is how the report prints it. */
    public record Threshold(Bound bound, double limit, String unit) {

        public boolean holds(double value) {
            return bound.holds(value, limit);
        }

        public String text() {
            return bound.symbol() + " " + number(limit) + (unit.isEmpty() ? "" : (unit.startsWith("/") ? "" : " ")
                    + unit);
        }

        static String number(double value) {
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                    : String.format(Locale.ROOT, "%,.1f", value);
        }
    }

    /** SPEC §9's tick p99 must, in ms: also the default limit of a ramp's step. */
    public static final int TICK_P99_MUST_MILLIS = 50;
    // SPEC §9: tick event latency p99, ingest accepted → WebSocket client received.
    public static final Threshold TICK_P99_MUST = new Threshold(Bound.BELOW, TICK_P99_MUST_MILLIS, "ms");
    public static final Threshold TICK_P99_AIM = new Threshold(Bound.AT_MOST, 10, "ms");
    /** SPEC §9's aim: tick p99 ≤ 3× Kafka's own single-hop p99 in the same run. */
    public static final Threshold TICK_OVER_KAFKA_AIM = new Threshold(Bound.AT_MOST, 3, "×");
    // SPEC §9: OHLCV minute burst, last bar ingested → its events at clients (≤ 1 s is expected of every run).
    public static final Threshold BURST_MUST = new Threshold(Bound.BELOW, 60_000, "ms");
    public static final Threshold BURST_AIM = new Threshold(Bound.AT_MOST, 1_000, "ms");
    // SPEC §9: highest sustained input rate with p99 < 50 ms and nothing lost.
    public static final Threshold RATE_MUST = new Threshold(Bound.AT_LEAST, 50_000, "/min");
    public static final Threshold RATE_AIM = new Threshold(Bound.AT_LEAST, 1_000_000, "/min");
    // SPEC §9: resident memory of the three services together, 8,000 symbols, surge.
    public static final Threshold MEMORY_MUST = new Threshold(Bound.BELOW, 2_048, "MB");
    public static final Threshold MEMORY_AIM = new Threshold(Bound.AT_MOST, 768, "MB");
    // SPEC §9: WebSocket clients at surge load (aim only).
    public static final Threshold CLIENTS_AIM = new Threshold(Bound.AT_LEAST, 1_000, "clients");
    // SPEC §9: gateway deliveries per gateway CPU-second (aim only).
    public static final Threshold DELIVERIES_PER_CPU_SECOND_AIM = new Threshold(Bound.AT_LEAST, 2_000_000, "");
    /** Issue 13's must for the gateway's share of the latency (its read → the client's read), p99. */
    public static final Threshold GATEWAY_ADDED_P99_MUST = new Threshold(Bound.AT_MOST, 20, "ms");
    /** SPEC §10: after kill -9 of any service or a broker restart, the processor is back within 10 s. */
    public static final Threshold PROCESSOR_READY_AFTER_KILL = new Threshold(Bound.AT_MOST, 10_000, "ms");

    // ---- The settings of a load run (./tickstock perf): option defaults are these texts (picocli needs constants).
    /** Input at the start whose latency is not recorded (the services' JIT warm-up); its integrity counts. */
    public static final String PERF_WARMUP_SECONDS = "15";
    /** A ramp's step is good while its tick p99 stays below this (SPEC §9's must). */
    public static final String STEP_P99_MILLIS = "" + TICK_P99_MUST_MILLIS;
    /** How long the processor may take to commit every raw record of the run after the input stopped. */
    public static final String PERF_DRAIN_TIMEOUT_SECONDS = "300";
    /** The drain of a load run: how long each of its waits may take before the run fails with the wait's reason. */
    public static final Drain PERF_DRAIN = new Drain(Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(90), Duration.ofSeconds(15));
    /** An event owed this long after it was committed is overdue: a ramp's step is judged this long after it. */
    public static final Duration OVERDUE = Duration.ofSeconds(5);

    // ---- The settings of a chaos run (./tickstock chaos).
    /** Load before the first fault and after the last one. */
    public static final String CHAOS_WARMUP_SECONDS = "20";
    public static final String CHAOS_MIN_GAP_SECONDS = "3";
    public static final String CHAOS_MAX_GAP_SECONDS = "12";
    /** How long a broker stop keeps the broker down. */
    public static final String CHAOS_OUTAGE_SECONDS = "30";
    /**
     * How long a service may take to say ready again after a fault. SPEC §10 bounds only the processor (10 s after a
     * kill -9 or a broker restart); for ingest and the gateway after any fault, the processor after SIGTERM, and the
     * services after a broker's return, this is the bound a chaos run is judged by.
     */
    public static final String CHAOS_HEALTHY_TIMEOUT_SECONDS = "180";
    public static final String CHAOS_DRAIN_TIMEOUT_SECONDS = "300";
    /** A service (or the broker) that takes longer to stop on SIGTERM is killed, and the fault fails. */
    public static final Duration CHAOS_STOP_TIMEOUT = Duration.ofSeconds(90);
    /** After a kill -9 the restarted processor must report its state restoration within this of being ready. */
    public static final Duration CHAOS_RESTORE_REPORT = Duration.ofSeconds(30);
    /** The drain of a chaos run: longer for the clients, which reconnect and resume. */
    public static final Drain CHAOS_DRAIN = new Drain(Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(30));

    // ---- The soak (issue 8): the latest steady_state run of an hour or more, judged by its memory timeline.
    public static final double SOAK_MIN_SECONDS = 3_600;
    /**
     * Until the bounded caches are full at steady-state rates: RocksDB's shared block cache (the processor's RSS
     * levelled off at minute ~24 of the first soak, judged after ten minutes then) and the gateway's windows (a soak
     * sizes its repeat window to fill within this: at the default 200,000 ids it takes ~97 minutes of steady state).
     */
    public static final double SOAK_WARMUP_SECONDS = 1_200;
    public static final double SOAK_WINDOW_SECONDS = 300;
    /** Each service's memory after warm-up may grow by at most this much (median of the last window over the first). */
    public static final Threshold SOAK_GROWTH = new Threshold(Bound.AT_MOST, 5, "%");

    /**
     * The waits of a drain after the input stopped, each a bound: the raw topics stop growing; the events topic is
     * read to its end; clients get what they are owed, or their count stops moving for {@code clientsStill}.
     */
    public record Drain(Duration rawSettle, Duration eventsRead, Duration clientsOwed, Duration clientsStill) {
    }

    /** A setting's name in {@link RunRules#settings()}, its default, and what it decides. */
    public record Setting(String name, double value, String unit, String meaning) {

        String text(double of) {
            return Threshold.number(of) + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    /** A change of a default, so that a run judged by the new value can be told from one that ran under it. */
    public record Change(String setting, double from, String at, String commit) {
    }

    public static final String PERF = "perf";
    public static final String CHAOS = "chaos";

    private static final Map<String, List<Setting>> DEFAULTS = Map.of(
            PERF, concat(List.of(
                    new Setting("warmupSeconds", number(PERF_WARMUP_SECONDS), "s", "latency warm-up"),
                    new Setting("stepP99Millis", number(STEP_P99_MILLIS), "ms", "a ramp step's p99 limit"),
                    new Setting("overdueSeconds", OVERDUE.toSeconds(), "s", "the overdue grace"),
                    new Setting("drainTimeoutSeconds", number(PERF_DRAIN_TIMEOUT_SECONDS), "s",
                            "the processor's drain timeout")), drain(PERF_DRAIN), List.of(
                    new Setting("soak.minSeconds", SOAK_MIN_SECONDS, "s", "the soak's minimum length"),
                    new Setting("soak.warmupSeconds", SOAK_WARMUP_SECONDS, "s", "the soak's warm-up"),
                    new Setting("soak.windowSeconds", SOAK_WINDOW_SECONDS, "s", "the soak's window"),
                    new Setting("soak.maxGrowthPercent", SOAK_GROWTH.limit(), "%", "the soak's growth limit"))),
            CHAOS, concat(List.of(
                    new Setting("processorReadyMillis", PROCESSOR_READY_AFTER_KILL.limit(), "ms",
                            "the processor's bound after kill -9 or a broker restart"),
                    new Setting("healthyTimeoutSeconds", number(CHAOS_HEALTHY_TIMEOUT_SECONDS), "s",
                            "the healthy timeout"),
                    new Setting("warmupSeconds", number(CHAOS_WARMUP_SECONDS), "s", "load before the first fault"),
                    new Setting("minGapSeconds", number(CHAOS_MIN_GAP_SECONDS), "s",
                            "the shortest gap between faults"),
                    new Setting("maxGapSeconds", number(CHAOS_MAX_GAP_SECONDS), "s",
                            "the longest gap between faults"),
                    new Setting("brokerOutageSeconds", number(CHAOS_OUTAGE_SECONDS), "s", "the broker's outage"),
                    new Setting("stopTimeoutSeconds", CHAOS_STOP_TIMEOUT.toSeconds(), "s",
                            "the SIGTERM stop timeout"),
                    new Setting("restoreReportSeconds", CHAOS_RESTORE_REPORT.toSeconds(), "s",
                            "the restore report wait"),
                    new Setting("drainTimeoutSeconds", number(CHAOS_DRAIN_TIMEOUT_SECONDS), "s",
                            "the processor's drain timeout")), drain(CHAOS_DRAIN)));

    /**
     * Defaults changed since results were first recorded. The soak's warm-up went from 10 to 20 minutes on
     * 2026-11-27 (the processor's RSS levelled off only at minute ~24 of the first soak): the soak judged since
     * started 11 minutes after the change, and neither soak on record recorded the rules it ran under.
     */
    public static final List<Change> CHANGES = List.of(
            new Change("soak.warmupSeconds", 600, "2026-11-27T22:43:56Z", "2da216f"));

    private Rules() {
    }

    /** The default settings of a kind of run ({@link #PERF}, {@link #CHAOS}). */
    public static List<Setting> defaults(String kind) {
        List<Setting> settings = DEFAULTS.get(kind);
        if (settings == null) {
            throw new IllegalArgumentException("no rules for runs of kind '" + kind + "'; known: " + DEFAULTS.keySet());
        }
        return settings;
    }

    /**
     * The settings of a load run as it ran; {@code steadyState}: with the soak's, which judge it if it runs an hour.
     */
    public static RunRules perfRun(Duration warmup, double stepP99Millis, Duration drainTimeout, boolean steadyState,
            List<String> configured) {
        Map<String, Double> settings = perf(warmup.toMillis() / 1000.0, stepP99Millis, steadyState);
        settings.put("overdueSeconds", (double) OVERDUE.toSeconds());
        settings.put("drainTimeoutSeconds", (double) drainTimeout.toSeconds());
        putDrain(settings, PERF_DRAIN);
        if (steadyState) {
            settings.put("soak.minSeconds", SOAK_MIN_SECONDS);
            settings.put("soak.warmupSeconds", SOAK_WARMUP_SECONDS);
            settings.put("soak.windowSeconds", SOAK_WINDOW_SECONDS);
            settings.put("soak.maxGrowthPercent", SOAK_GROWTH.limit());
        }
        return new RunRules(PERF, settings, configured);
    }

    /**
     * The settings of a load run whose result did not record them: the warm-up and step limit its configuration
     * holds, the stack's overrides its stack note names; the rest unknown.
     */
    public static RunRules perfDerived(double warmupSeconds, double stepP99Millis, boolean steadyState,
            List<String> configured) {
        return new RunRules(PERF, perf(warmupSeconds, stepP99Millis, steadyState), configured);
    }

    private static Map<String, Double> perf(double warmupSeconds, double stepP99Millis, boolean steadyState) {
        Map<String, Double> settings = unknownSettings(PERF, steadyState);
        settings.put("warmupSeconds", warmupSeconds);
        settings.put("stepP99Millis", stepP99Millis);
        return settings;
    }

    /** The settings of a chaos run as it ran (the processor's bound is SPEC §10's, no option). */
    public static RunRules chaosRun(Duration warmup, Duration minGap, Duration maxGap, Duration brokerOutage,
            Duration healthyTimeout, Duration drainTimeout) {
        Map<String, Double> settings = chaos((double) brokerOutage.toSeconds());
        settings.put("processorReadyMillis", PROCESSOR_READY_AFTER_KILL.limit());
        settings.put("healthyTimeoutSeconds", (double) healthyTimeout.toSeconds());
        settings.put("warmupSeconds", (double) warmup.toSeconds());
        settings.put("minGapSeconds", (double) minGap.toSeconds());
        settings.put("maxGapSeconds", (double) maxGap.toSeconds());
        settings.put("stopTimeoutSeconds", (double) CHAOS_STOP_TIMEOUT.toSeconds());
        settings.put("restoreReportSeconds", (double) CHAOS_RESTORE_REPORT.toSeconds());
        settings.put("drainTimeoutSeconds", (double) drainTimeout.toSeconds());
        putDrain(settings, CHAOS_DRAIN);
        // chaos always starts a stack of its own; ./tickstock chaos does not pass its overrides (yet): not recorded
        return new RunRules(CHAOS, settings, null);
    }

    /** The settings of a chaos run whose result did not record them: the broker's outage, the rest unknown. */
    public static RunRules chaosDerived(double brokerOutageSeconds) {
        return new RunRules(CHAOS, chaos(brokerOutageSeconds), null);
    }

    private static Map<String, Double> chaos(double brokerOutageSeconds) {
        Map<String, Double> settings = unknownSettings(CHAOS, false);
        settings.put("brokerOutageSeconds", brokerOutageSeconds);
        return settings;
    }

    /** Every setting of {@code kind} unknown (null), in the order of its defaults; the soak's only if {@code soak}. */
    private static Map<String, Double> unknownSettings(String kind, boolean soak) {
        Map<String, Double> settings = new LinkedHashMap<>();
        defaults(kind).stream().filter(s -> soak || !s.name().startsWith("soak."))
                .forEach(s -> settings.put(s.name(), null));
        return settings;
    }

    private static void putDrain(Map<String, Double> settings, Drain drain) {
        settings.put("rawSettleSeconds", drain == null ? null : (double) drain.rawSettle().toSeconds());
        settings.put("eventsReadSeconds", drain == null ? null : (double) drain.eventsRead().toSeconds());
        settings.put("clientsOwedSeconds", drain == null ? null : (double) drain.clientsOwed().toSeconds());
        settings.put("clientsStillSeconds", drain == null ? null : (double) drain.clientsStill().toSeconds());
    }

    /**
     * How a run's settings differ from today's defaults, one line each ("latency warm-up 30 s, default 15 s"), then
     * the stack settings it overrode. Settings the result did not record are not differences: {@link #unknown} lists
     * them.
     */
    public static List<String> differences(RunRules recorded) {
        List<String> differences = new ArrayList<>();
        recorded.settings().forEach((name, value) -> {
            Setting setting = setting(recorded.kind(), name);
            if (setting == null) {
                differences.add(name + " " + (value == null ? "unknown" : Threshold.number(value))
                        + " (no such setting today)");
            } else if (value != null && Double.compare(value, setting.value()) != 0) {
                differences.add(setting.meaning() + " " + setting.text(value) + ", default "
                        + setting.text(setting.value()));
            }
        });
        if (recorded.configured() != null) {
            recorded.configured().forEach(override -> differences.add("stack configured " + override));
        }
        return differences;
    }

    /** The settings a result did not record (written before results recorded their rules, issue 15). */
    public static List<String> unknown(RunRules recorded) {
        List<String> unknown = new ArrayList<>();
        recorded.settings().forEach((name, value) -> {
            if (value == null) {
                Setting setting = setting(recorded.kind(), name);
                unknown.add(setting == null ? name : setting.meaning());
            }
        });
        if (recorded.configured() == null) {
            unknown.add("the stack's configuration");
        }
        return unknown;
    }

    /**
     * The changes of {@code setting}'s default that a run started at {@code startedAtMillis} may not have run under:
     * each as "soak.warmupSeconds: 600 s until 2026-11-27T22:43:56Z (2da216f), 11 min before the run started".
     */
    public static List<String> changesOf(String setting, long startedAtMillis) {
        List<String> changes = new ArrayList<>();
        for (Change change : CHANGES) {
            if (change.setting().equals(setting)) {
                long minutes = Duration.between(Instant.parse(change.at()), Instant.ofEpochMilli(startedAtMillis))
                        .toMinutes();
                changes.add(String.format(Locale.ROOT, "%s was %s until %s (%s), %d min %s the run started", setting,
                        Threshold.number(change.from()), change.at(), change.commit(), Math.abs(minutes),
                        minutes >= 0 ? "before" : "after"));
            }
        }
        return changes;
    }

    private static Setting setting(String kind, String name) {
        return defaults(kind).stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static double number(String text) {
        return Double.parseDouble(text);
    }

    /** A drain's four waits as settings. */
    private static List<Setting> drain(Drain drain) {
        return List.of(
                new Setting("rawSettleSeconds", drain.rawSettle().toSeconds(), "s", "the raw topics' settle wait"),
                new Setting("eventsReadSeconds", drain.eventsRead().toSeconds(), "s", "the events topic's read wait"),
                new Setting("clientsOwedSeconds", drain.clientsOwed().toSeconds(), "s", "the clients' drain wait"),
                new Setting("clientsStillSeconds", drain.clientsStill().toSeconds(), "s",
                        "the clients' stillness window"));
    }

    @SafeVarargs
    private static List<Setting> concat(List<Setting>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
