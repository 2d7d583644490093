package io.tickstock.perf.report;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.DedupReport;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.run.RunPlan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * SPEC §9's table, each row judged from every run in its scenario's record (the top of {@code perf/results/}; runs
 * kept apart in a subdirectory are variants, not the scenario): the latest run decides, the worst and best on record
 * stand beside it, and a FAILED run's figures never meet a target.
 */
final class Targets {

    enum Verdict {
        MET("met"), MISSED("**missed**"), NOT_MEASURED("not measured"), NONE("—");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** Which way a row's figure is better. */
    private enum Better {
        LOWER, HIGHER;

        Comparator<Measured> order() {
            Comparator<Measured> lowFirst = Comparator.comparingDouble(m -> m.judged().figure());
            return this == LOWER ? lowFirst : lowFirst.reversed();
        }
    }

    /**
     * What one run's figures say for a row, the run's verdict aside.
     *
     * @param figure what runs are ranked by for the row, {@code NaN} when the run did not measure it
     * @param figureText the figure as the worst and best columns print it
     */
    record Judged(String measured, String figureText, double figure, Verdict must, Verdict aim) {

        static Judged notMeasured(String why, Verdict must) {
            return new Judged(why, why, Double.NaN, must, Verdict.NOT_MEASURED);
        }
    }

    /** One run as a row sees it. */
    record Measured(Recorded<RunResult> run, Judged judged) {

        /** A MET of the figures counts only for a PASSED run. */
        Verdict must() {
            return countable(judged.must());
        }

        Verdict aim() {
            return countable(judged.aim());
        }

        private Verdict countable(Verdict verdict) {
            return verdict == Verdict.MET && !run.result().passed() ? Verdict.MISSED : verdict;
        }

        /** The run as a row names it: its start, its verdict, and its settings where they are not the defaults. */
        String when() {
            List<String> settings = RunSettings.differences(run.result());
            return WHEN.format(Instant.ofEpochMilli(run.result().startedAtMillis())) + ", "
                    + (run.result().passed() ? RunResult.PASSED : "**" + RunResult.FAILED + "**")
                    + (settings.isEmpty() ? "" : ", with " + String.join(", ", settings));
        }
    }

    /**
     * One row of the table: its verdicts are the latest run's (a FAILED run meets nothing); {@code notes} say which
     * run meets it, whether an earlier run met what the latest does not, and whether the latest is worse than an
     * earlier run.
     *
     * @param measured the latest run's figures (over all runs for the dedup row)
     */
    record Row(String measure, String must, String aim, String scenario, String measured, Verdict mustMet,
            Verdict aimMet, Optional<Measured> latest, Optional<Measured> worst, Optional<Measured> best,
            List<String> notes) {

        /** The command whose runs the row judges. */
        String command() {
            if (scenario.equals("all")) {
                return "./tickstock perf SCENARIO";
            }
            return fromChaos() ? "./tickstock " + scenario : "./tickstock perf " + scenario;
        }

        /** Whether a chaos run ({@code perf/results/chaos/}) rather than a perf scenario's record judges the row. */
        boolean fromChaos() {
            return scenario.equals(CHAOS_DEDUP);
        }

        /** The worst and best runs on record with their dates and verdicts, or "—" when no run measured it. */
        String onRecord() {
            if (worst.isEmpty() || best.isEmpty()) {
                return "—";
            }
            if (worst.get().judged().figure() == best.get().judged().figure()) {
                return "every run that measured it: " + worst.get().judged().figureText();
            }
            return String.format("worst: %s (%s); best: %s (%s)", worst.get().judged().figureText(),
                    worst.get().when(), best.get().judged().figureText(), best.get().when());
        }
    }

    /** The row judged by a chaos run, named as its command names it. */
    static final String CHAOS_DEDUP = "chaos dedup";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Targets() {
    }

    static List<Row> evaluate(List<Recorded<RunResult>> runs) {
        return evaluate(runs, List.of());
    }

    /** As above, the dedup row judged by the latest {@code chaos dedup} run among {@code chaos} when there is one. */
    static List<Row> evaluate(List<Recorded<RunResult>> runs, List<Recorded<ChaosResult>> chaos) {
        List<Recorded<RunResult>> record = runs.stream().filter(r -> !r.keptApart()).toList();
        List<Row> rows = new ArrayList<>();
        rows.add(row(record, "market_open_surge", "tick event latency p99, ingest accepted → WebSocket client "
                + "received", "< 50 ms", "≤ 10 ms, and ≤ 3× Kafka's own single-hop p99 measured in the same run",
                Better.LOWER, Targets::tick));
        rows.add(row(record, "ohlcv_burst", "OHLCV minute burst of 8,000 symbols: last bar ingested → its events at "
                + "clients", "< 60 s", "≤ 1 s", Better.LOWER, Targets::burst));
        rows.add(row(record, "ramp", "highest sustained input rate with p99 < 50 ms and nothing lost", "50,000/min",
                "≥ 1,000,000/min", Better.HIGHER, Targets::rate));
        rows.add(row(record, "market_open_surge", "resident memory of the three services together, 8,000 symbols, "
                + "surge", "< 2 GB", "≤ 768 MB", Better.LOWER, Targets::memory));
        rows.add(latestDedupUnderRestarts(chaos).map(Targets::dedupUnderRestarts).orElseGet(() -> dedup(record)));
        rows.add(row(record, "fanout", "WebSocket clients at surge load, p99 < 50 ms, one stalled client not moving "
                + "the others", "—", "1,000", Better.LOWER, Targets::fanout));
        rows.add(row(record, "fanout", "gateway deliveries per gateway CPU-second", "—", "≥ 2,000,000",
                Better.HIGHER, Targets::deliveryCost));
        return rows;
    }

    private static Row row(List<Recorded<RunResult>> record, String scenario, String measure, String must,
            String aim, Better better, Function<RunResult, Judged> judge) {
        List<Measured> runs = record.stream().filter(r -> r.result().scenario().equals(scenario))
                .map(r -> new Measured(r, judge.apply(r.result()))).toList();
        if (runs.isEmpty()) {
            return new Row(measure, must, aim, scenario, "no run yet", Verdict.NOT_MEASURED, Verdict.NOT_MEASURED,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        Measured latest = runs.get(runs.size() - 1);
        List<Measured> ranked = runs.stream().filter(m -> !Double.isNaN(m.judged().figure()))
                .sorted(better.order()).toList();
        Optional<Measured> best = ranked.stream().findFirst();
        Optional<Measured> worst = ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(ranked.size() - 1));
        return new Row(measure, must, aim, scenario, latest.judged().measured(), latest.must(), latest.aim(),
                Optional.of(latest), worst, best, notes(runs, latest, ranked));
    }

    /** Which run meets the row, what earlier runs met that the latest does not, and a latest run that is worse. */
    private static List<String> notes(List<Measured> runs, Measured latest, List<Measured> ranked) {
        List<String> notes = new ArrayList<>();
        if (!latest.run().result().passed()) {
            notes.add("the latest run FAILED: its figures meet no target");
        }
        List<String> met = new ArrayList<>();
        if (latest.must() == Verdict.MET) {
            met.add("must");
        }
        if (latest.aim() == Verdict.MET) {
            met.add("aim");
        }
        if (!met.isEmpty()) {
            notes.add(String.join(" and ", met) + " met by the latest run (" + latest.when() + ")");
        }
        earlier(runs, latest, m -> latest.must() != Verdict.MET && m.must() == Verdict.MET, "must")
                .ifPresent(notes::add);
        earlier(runs, latest, m -> latest.aim() != Verdict.MET && m.aim() == Verdict.MET, "aim")
                .ifPresent(notes::add);
        if (ranked.contains(latest) && ranked.get(0).judged().figure() != latest.judged().figure()) {
            Measured better = ranked.get(0);
            notes.add(String.format("the latest run is worse than the run of %s (%s)", better.when(),
                    better.judged().figureText()));
        }
        return notes;
    }

    /** The latest earlier PASSED run that met what the latest does not. */
    private static Optional<String> earlier(List<Measured> runs, Measured latest,
            Predicate<Measured> metWhereLatestDidNot, String what) {
        return runs.stream().filter(m -> m != latest && metWhereLatestDidNot.test(m)).reduce((a, b) -> b)
                .map(m -> what + " met earlier by the run of " + m.when() + " (" + m.judged().figureText()
                        + "), not by the latest");
    }

    private static Judged tick(RunResult run) {
        Percentiles tick = run.latency().get("tick");
        if (tick == null || tick.count() == 0) {
            return Judged.notMeasured("no tick events", Verdict.NOT_MEASURED);
        }
        RunResult.Baseline baseline = run.baseline();
        boolean compared = baseline != null && baseline.tickP99OverKafkaP99() != null;
        String kafka = !compared ? "no Kafka baseline"
                : String.format(Locale.ROOT, "Kafka's p99 %.1f ms (%s): %.1f×",
                        baseline.kafkaP99Millis().orElseThrow(), baseline.source(), baseline.tickP99OverKafkaP99());
        Percentiles fromSchedule = run.latency().get(Latencies.fromSchedule("tick"));
        if (fromSchedule != null) {
            kafka += String.format(Locale.ROOT, "; from the simulator's schedule p99 %.1f ms", fromSchedule.p99());
        }
        boolean ratio = compared && Rules.TICK_OVER_KAFKA_AIM.holds(baseline.tickP99OverKafkaP99());
        return new Judged(String.format(Locale.ROOT, "p99 %.1f ms (p50 %.1f, p99.9 %.1f, %,d deliveries); %s",
                tick.p99(), tick.p50(), tick.p999(), tick.count(), kafka),
                String.format(Locale.ROOT, "p99 %.1f ms", tick.p99()), tick.p99(),
                Verdict.of(Rules.TICK_P99_MUST.holds(tick.p99())),
                Verdict.of(Rules.TICK_P99_AIM.holds(tick.p99()) && ratio));
    }

    private static Judged burst(RunResult run) {
        List<Long> done = run.bursts().stream().map(BarBursts.Burst::latencyMillis).filter(l -> l >= 0).sorted()
                .toList();
        if (done.isEmpty()) {
            return Judged.notMeasured(run.bursts().isEmpty() ? "no whole burst"
                    : "no burst had all its events delivered", Verdict.NOT_MEASURED);
        }
        long worst = done.get(done.size() - 1);
        return new Judged(String.format(Locale.ROOT, "worst %,d ms, median %,d ms over %d bursts of %,d bars", worst,
                done.get(done.size() / 2), done.size(), run.bursts().get(0).bars()),
                String.format(Locale.ROOT, "slowest burst %,d ms", worst), worst,
                Verdict.of(Rules.BURST_MUST.holds(worst)), Verdict.of(Rules.BURST_AIM.holds(worst)));
    }

    /** The highest step that was good with every step before it good too. */
    static Judged rate(RunResult run) {
        RunResult.Step best = null;
        for (RunResult.Step step : run.steps()) {
            if (!step.good()) {
                break;
            }
            best = step;
        }
        if (best == null) {
            RunResult.Step first = run.steps().isEmpty() ? null : run.steps().get(0);
            if (first == null) {
                return Judged.notMeasured("no step", Verdict.NOT_MEASURED);
            }
            return new Judged(String.format(Locale.ROOT, "none: the first step (x%s, %,.0f/min) was not good: %s",
                    RunPlan.multiplier(first.multiplier()), first.achievedPerMinute(), first.note()),
                    "no good step", 0, Verdict.MISSED, Verdict.MISSED);
        }
        boolean all = best.index() == run.steps().size() && run.steps().size() == run.configuration().phases().size();
        return new Judged(String.format(Locale.ROOT, "%s%,.0f/min (step x%s: tick p99 %.1f ms, nothing lost)%s",
                all ? "≥ " : "", best.achievedPerMinute(), RunPlan.multiplier(best.multiplier()), best.tick().p99(),
                all ? "; every step was good, up to the simulator's highest speed" : ""),
                String.format(Locale.ROOT, "%s%,.0f/min", all ? "≥ " : "", best.achievedPerMinute()),
                best.achievedPerMinute(), Verdict.of(Rules.RATE_MUST.holds(best.achievedPerMinute())),
                Verdict.of(Rules.RATE_AIM.holds(best.achievedPerMinute())));
    }

    private static Judged memory(RunResult run) {
        double peak = run.servicesRssPeakMb();
        return new Judged(String.format(Locale.ROOT, "peak %,.0f MB (sum of the three services' RSS at one moment)",
                peak), String.format(Locale.ROOT, "peak %,.0f MB", peak), peak,
                Verdict.of(Rules.MEMORY_MUST.holds(peak)), Verdict.of(Rules.MEMORY_AIM.holds(peak)));
    }

    /** Over the fan-out groups (every group of more than one client that reads): all intact, each p99 in time. */
    private static Judged fanout(RunResult run) {
        List<RunResult.GroupResult> groups = run.groups().stream().filter(g -> g.clients() > 1 && !g.stalls()).toList();
        if (groups.isEmpty()) {
            return Judged.notMeasured("no fan-out clients", Verdict.NONE);
        }
        int clients = groups.stream().mapToInt(RunResult.GroupResult::clients).sum();
        int intact = groups.stream().mapToInt(RunResult.GroupResult::intact).sum();
        double worstP99 = groups.stream().mapToDouble(RunResult.GroupResult::maxOfP99).max().orElse(0);
        double medianP99 = groups.stream().mapToDouble(RunResult.GroupResult::p50OfP99).max().orElse(0);
        String stalled = run.clients().stream().filter(RunResult.ClientResult::stalls).findFirst()
                .map(Targets::stalled).orElse("no stalled client");
        boolean good = intact == clients && Rules.TICK_P99_MUST.holds(worstP99);
        return new Judged(String.format(Locale.ROOT, "%,d clients, %,d intact; per-client p99 median %.1f ms, worst "
                + "%.1f ms; %s", clients, intact, medianP99, worstP99, stalled),
                String.format(Locale.ROOT, "%,d of %,d intact, worst p99 %.1f ms", intact, clients, worstP99),
                worstP99, Verdict.NONE, Verdict.of(good && Rules.CLIENTS_AIM.holds(clients)));
    }

    private static String stalled(RunResult.ClientResult client) {
        if (client.closeCode() == null) {
            return "the stalled client was never closed";
        }
        return client.closedAfterMillis() == null ? "the stalled client was closed with " + client.closeCode()
                : String.format(Locale.ROOT, "the stalled client's connection was gone %.0f s after it stopped "
                        + "reading", client.closedAfterMillis() / 1000.0);
    }

    private static Judged deliveryCost(RunResult run) {
        double perCpuSecond = run.deliveriesPerGatewayCpuSecond();
        if (perCpuSecond <= 0) {
            return Judged.notMeasured("not measured in this run", Verdict.NONE);
        }
        return new Judged(String.format(Locale.ROOT, "%,.0f (%,d deliveries in %,.1f s of the gateway's CPU)",
                perCpuSecond, run.gateway().get("sent"), run.gateway().get("cpuMillis") / 1000.0),
                String.format(Locale.ROOT, "%,.0f", perCpuSecond), perCpuSecond, Verdict.NONE,
                Verdict.of(Rules.DELIVERIES_PER_CPU_SECOND_AIM.holds(perCpuSecond)));
    }

    /**
     * Over every run in the scenarios' records that injected duplicates: the processor dropped exactly the injected
     * re-sends and none got through. Only PASSED runs count towards 100 %; a run whose processor-duplicate checks
     * are missing cannot show it (an empty list of checks is no proof), and any run, PASSED or not, whose checks
     * failed or that committed an id twice shows it is not.
     */
    private static Row dedup(List<Recorded<RunResult>> record) {
        String measure = "dedup accuracy (section 5) with 5% injected duplicates and restarts";
        List<RunResult> injected = record.stream().map(Recorded::result).filter(r -> injected(r) > 0).toList();
        List<RunResult> passed = injected.stream().filter(RunResult::passed).toList();
        if (passed.isEmpty()) {
            return new Row(measure, "100%", "100%, 0 false drops", injected.isEmpty()
                    ? "no run with injected duplicates" : "no PASSED run with injected duplicates", "all",
                    Verdict.NOT_MEASURED, Verdict.NOT_MEASURED, Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());
        }
        List<String> against = new ArrayList<>();
        for (RunResult run : passed) {
            if (dedupChecks(run).isEmpty()) {
                against.add(String.format("%s of %s has no processor-duplicate check", run.scenario(),
                        WHEN.format(Instant.ofEpochMilli(run.startedAtMillis()))));
            }
        }
        for (RunResult run : injected) {
            if (dedupChecks(run).stream().anyMatch(c -> !c.ok()) || run.topic().repeatedIds() > 0) {
                against.add(String.format("%s of %s (%s) dropped other than the injected copies or committed an "
                        + "id twice", run.scenario(), WHEN.format(Instant.ofEpochMilli(run.startedAtMillis())),
                        run.verdict()));
            }
        }
        long failed = injected.size() - passed.size();
        String over = String.format(Locale.ROOT, "%,d injected re-sends over %d PASSED runs%s",
                passed.stream().mapToLong(Targets::injected).sum(), passed.size(),
                failed == 0 ? "" : String.format(Locale.ROOT, " (%d FAILED runs not counted for it)", failed));
        boolean perfect = against.isEmpty();
        String measured = (perfect ? "100%: " + over + ", dropped exactly (processor count = injected), 0 ids "
                + "committed twice" : "NOT 100%: " + String.join("; ", against) + " (" + over + ")")
                + "; restarts are not part of these runs (the fault runs of issue 8)";
        return new Row(measure, "100%", "100%, 0 false drops", "all", measured, Verdict.of(perfect),
                Verdict.of(perfect), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static Optional<Recorded<ChaosResult>> latestDedupUnderRestarts(List<Recorded<ChaosResult>> chaos) {
        return chaos.stream().filter(r -> r.result().dedup() != null)
                .max(Comparator.comparingLong(r -> r.result().startedAtMillis()));
    }

    /**
     * SPEC §9's row as it is worded, with restarts: the latest {@code ./tickstock chaos dedup} run, whose audit shows
     * by input identity and event id what dedup dropped, that nothing was committed twice or let through, and that
     * every event an uninterrupted reference run produces was committed (docs/operations.md "Dedup under restarts").
     */
    private static Row dedupUnderRestarts(Recorded<ChaosResult> run) {
        ChaosResult r = run.result();
        DedupReport audit = r.dedup();
        boolean perfect = r.passed() && audit.passed();
        List<String> channels = new ArrayList<>();
        for (DedupReport.Channel c : audit.channels()) {
            long compared = c.compared() + (c.orderDependent() == null ? 0 : c.orderDependent());
            long missing = c.missing() + (c.orderDependentMissing() == null ? 0 : c.orderDependentMissing());
            long extra = c.extra() + (c.orderDependentExtra() == null ? 0 : c.orderDependentExtra());
            channels.add(String.format(Locale.ROOT, "%s %,d repeats dropped of %,d injected, %d ids twice, %d events "
                    + "from repeats, %d missing / %d extra of %,d compared", c.channel(), c.repeats(), c.injected(),
                    c.idsCommittedTwice(), c.eventsFromRepeats(), missing, extra, compared));
        }
        String measured = String.format(Locale.ROOT, "%s: `chaos dedup` of %s (`%s`), kill -9 of processor and ingest "
                + "under the surge: %s%s", perfect ? "100%, 0 false drops" : "NOT 100%",
                WHEN.format(Instant.ofEpochMilli(r.startedAtMillis())), run.name(), String.join("; ", channels),
                perfect ? "" : " — " + String.join("; ", failures(r)));
        return new Row("dedup accuracy (section 5) with 5% injected duplicates and restarts", "100%",
                "100%, 0 false drops", CHAOS_DEDUP, measured, Verdict.of(perfect), Verdict.of(perfect),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static List<String> failures(ChaosResult r) {
        List<String> failures = new ArrayList<>(r.failures());
        failures.addAll(r.missedTargets());
        return failures;
    }

    private static long injected(RunResult run) {
        return run.input().duplicates().values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<RunResult.Check> dedupChecks(RunResult run) {
        return run.reconciliation().stream().filter(c -> c.name().startsWith("processor duplicates")).toList();
    }
}
