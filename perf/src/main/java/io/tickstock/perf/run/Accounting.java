package io.tickstock.perf.run;

import io.tickstock.model.Feed;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.expect.EventFact;
import io.tickstock.perf.integrity.IdSpace;
import io.tickstock.perf.integrity.Integrity;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.stack.Stack;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * The end of a run: each client's events against what it is owed — the run's committed events its subscription
 * matches — and the counts along the pipeline against each other (simulator → ingest → raw topics → processor →
 * events topic). What it proves and what it does not is written down in docs/perf/REPORT.md ("What the integrity
 * check proves").
 */
final class Accounting {

    /** Clients named one by one in the result beyond the measuring ones: the first that failed. */
    private static final int NAMED_FAILURES = 20;

    private final RunPlan plan;
    private final Stack.TopicNames topics;
    private final CommittedEvents committed;
    private final IdSpace ids;
    private final List<PerfClient> clients;
    private final Latencies latencies;
    private final BarBursts bursts;
    private final PhaseClock phases;
    private final List<Drive.PhaseInput> phaseInput;
    private final long profileRate;
    private final List<EventFact> facts;
    private final GroupBursts groupBursts;
    private final Map<Subscription, BitSet> owed = new HashMap<>();
    private final Map<Subscription, BitSet> tolerated = new HashMap<>();

    Accounting(RunPlan plan, Stack.TopicNames topics, CommittedEvents committed, IdSpace ids,
            List<PerfClient> clients, Latencies latencies, BarBursts bursts, GroupBursts groupBursts,
            PhaseClock phases, List<Drive.PhaseInput> phaseInput, long profileRate) {
        this.plan = plan;
        this.topics = topics;
        this.committed = committed;
        this.ids = ids;
        this.clients = clients;
        this.latencies = latencies;
        this.bursts = bursts;
        this.groupBursts = groupBursts;
        this.phases = phases;
        this.phaseInput = phaseInput;
        this.profileRate = profileRate;
        this.facts = committed.facts();
    }

    /** Everything the accounting found; {@code input} needs the run's timing, so it is made on demand. */
    record Outcome(Map<String, Long> sent, Map<String, Long> duplicates, Map<String, Long> rawRecords,
            Map<String, Long> events, List<BarBursts.Burst> bursts, List<RunResult.ClientResult> clients,
            List<RunResult.GroupResult> groups, RunResult.TopicIntegrity topic, List<RunResult.Check> checks,
            List<RunResult.Step> steps) {

        RunResult.Input input(long inputMillis, double nominalPerMinute) {
            long total = sent.values().stream().mapToLong(Long::longValue).sum();
            double minutes = Math.max(inputMillis, 1) / 60_000.0;
            return new RunResult.Input(sent, duplicates, total, Math.round(total / minutes), nominalPerMinute,
                    rawRecords, events);
        }
    }

    /** Judges the run: what fails it goes to {@code failures} with its reason, what explains a figure to notes. */
    Outcome account(Counters before, Counters after, Map<String, Long> rawRecords, Map<String, Long> deadLetters,
            long finalLag, Set<String> consumed, List<String> failures, List<String> notes) {
        Map<PerfClient, IntegrityReport> reports = new LinkedHashMap<>();
        for (PerfClient client : clients) {
            reports.put(client, Integrity.check(client.name(), owed(client.subscription()),
                    tolerated(client.subscription()), client.receipts(), ids));
        }
        List<RunResult.ClientResult> named = new ArrayList<>();
        List<RunResult.GroupResult> groups = new ArrayList<>();
        for (RunPlan.ClientGroup group : plan.clients()) {
            groups.add(group(group, reports, named, failures));
        }
        RunResult.TopicIntegrity topic = topic(failures);
        List<RunResult.Check> checks = Reconciliation.checks(topics, before, after, rawRecords, deadLetters, finalLag,
                consumed);
        checks.stream().filter(c -> !c.ok()).forEach(c -> failures.add("reconciliation: " + c.shortfall()));
        Map<Long, Long> eventsPerBurst = eventsPerBurst();
        List<BarBursts.Burst> whole = bursts.bursts(eventsPerBurst);
        BurstChecks.Findings burstFindings = BurstChecks.judge(whole, bursts.cut(eventsPerBurst),
                PerfRun.BURST_CLIENT);
        failures.addAll(burstFindings.failures());
        notes.addAll(burstFindings.notes());
        return new Outcome(byFeed(after.simulator().sent()), byFeed(after.simulator().duplicates()), rawRecords,
                eventsByChannel(), whole, named, groups, topic, checks, steps(reports));
    }

    private RunResult.GroupResult group(RunPlan.ClientGroup group, Map<PerfClient, IntegrityReport> reports,
            List<RunResult.ClientResult> named, List<String> failures) {
        int intact = 0;
        long expected = 0;
        long lost = 0;
        long duplicated = 0;
        long unexpected = 0;
        List<Double> p99s = new ArrayList<>();
        double maxOfMax = 0;
        int failed = 0;
        String firstProblem = null;
        Histogram gateway = new Histogram(Latencies.MAX_MICROS, 2);
        List<PerfClient> members = new ArrayList<>();
        for (Map.Entry<PerfClient, IntegrityReport> entry : reports.entrySet()) {
            PerfClient client = entry.getKey();
            if (!group.has(client.name())) {
                continue;
            }
            members.add(client);
            gateway.add(client.gatewayLatency());
            IntegrityReport report = entry.getValue();
            Percentiles latency = Percentiles.of(client.latency());
            String problem = problem(client, report);
            if (report.intact()) {
                intact++;
            }
            expected += report.expected();
            lost += report.lost();
            duplicated += report.duplicated();
            unexpected += report.unexpected();
            if (latency.count() > 0) {
                p99s.add(latency.p99());
                maxOfMax = Math.max(maxOfMax, latency.max());
            }
            if (problem != null) {
                failed++;
                firstProblem = firstProblem == null ? problem : firstProblem;
            }
            if (group.count() == 1 || (problem != null && named.size() < plan.clients().size() + NAMED_FAILURES)) {
                named.add(new RunResult.ClientResult(client.name(), client.subscription().params(), client.stalls(),
                        client.events(), client.snapshots(), client.shed(), client.conflated(),
                        client.closed().isDone() ? client.closed().join() : null, client.errors(), report, latency,
                        client.stalls() && client.closedAtMillis() > 0 && client.stalledAtMillis() > 0
                                ? client.closedAtMillis() - client.stalledAtMillis() : null));
            }
        }
        if (failed > 0) {
            failures.add(failed == 1 ? firstProblem : failed + " clients of '" + group.name() + "' failed, e.g. "
                    + firstProblem);
        }
        p99s.sort(Double::compare);
        RunResult.GroupBursts groupBursts = group.stalls() ? null : bursts(group.name(), members);
        if (groupBursts != null && groupBursts.delivered() < groupBursts.bursts()) {
            failures.add("'" + group.name() + "': " + (groupBursts.bursts() - groupBursts.delivered()) + " of the "
                    + groupBursts.bursts() + " minute bursts it was owed events of were not delivered whole to its "
                    + "clients");
        }
        return new RunResult.GroupResult(group.name(), group.count(), group.described(), group.stalls(),
                intact, expected, lost, duplicated, unexpected, p99s.isEmpty() ? 0 : p99s.get(p99s.size() / 2),
                p99s.isEmpty() ? 0 : p99s.get(p99s.size() - 1), maxOfMax, Percentiles.of(gateway), groupBursts);
    }

    /**
     * The minute bursts as one group of clients had them: each whole burst the group was owed events of, fully
     * delivered to every client of it or not; the last bar ingested → the last of its events read by any of them;
     * and the gateway's read of the last of its events → that moment (the fan-out).
     */
    private RunResult.GroupBursts bursts(String group, List<PerfClient> members) {
        Map<Long, Long> owed = new HashMap<>();
        for (PerfClient client : members) {
            Subscription subscription = client.subscription();
            for (EventFact fact : facts) {
                if (fact.inRun() && fact.feed().equals(Feed.AM.code())
                        && subscription.matches(fact.type(), fact.symbol())) {
                    owed.merge(fact.providerTs(), 1L, Long::sum);
                }
            }
        }
        int count = 0;
        int delivered = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> fanouts = new ArrayList<>();
        for (BarBursts.Burst burst : bursts.bursts(eventsPerBurst())) {
            long events = owed.getOrDefault(burst.barEnd(), 0L);
            if (events == 0) {
                continue;
            }
            count++;
            if (groupBursts.delivered(group, burst.barEnd()) >= events) {
                delivered++;
                long lastAt = groupBursts.lastAt(group, burst.barEnd());
                latencies.add(lastAt - burst.lastIngestedAt());
                fanouts.add(Math.max(0, lastAt - groupBursts.lastReadUs(group, burst.barEnd()) / 1_000));
            }
        }
        return new RunResult.GroupBursts(count, delivered, median(latencies), worst(latencies), median(fanouts),
                worst(fanouts));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static long worst(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /**
     * Why a client fails the run, or null. A stalled client is allowed to lose what the slow-client policy takes
     * from it (it is closed with 407 and would resume), never to receive anything twice or foreign.
     */
    private static String problem(PerfClient client, IntegrityReport report) {
        if (client.stalls()) {
            return report.duplicated() > 0 || report.unexpected() > 0 ? client.name() + " (stalled) received "
                    + report.duplicated() + " events twice and " + report.unexpected() + " not owed" : null;
        }
        if (!report.intact()) {
            return client.name() + ": " + report.lost() + " lost, " + report.duplicated() + " duplicated, "
                    + report.unexpected() + " unexpected of " + report.expected() + " owed"
                    + (report.lostSample().isEmpty() ? "" : "; lost e.g. " + report.lostSample().get(0));
        }
        if (client.closed().isDone()) {
            return client.name() + " was closed by the gateway during the run (" + client.closed().join() + ") "
                    + client.errors();
        }
        if (!client.errors().isEmpty()) {
            return client.name() + " got errors: " + client.errors();
        }
        return null;
    }

    private BitSet owed(Subscription subscription) {
        return owed.computeIfAbsent(subscription,
                s -> committed.numbers(f -> f.inRun() && s.matches(f.type(), f.symbol())));
    }

    private BitSet tolerated(Subscription subscription) {
        return tolerated.computeIfAbsent(subscription,
                s -> committed.numbers(f -> !f.inRun() && s.matches(f.type(), f.symbol())));
    }

    private RunResult.TopicIntegrity topic(List<String> failures) {
        BitSet inRun = committed.numbers(EventFact::inRun);
        BitSet outside = committed.numbers(f -> !f.inRun());
        int repeated = committed.repeatedIds();
        if (repeated > 0) {
            failures.add(repeated + " event id(s) were committed more than once to " + topics.events()
                    + " (the processor's input dedup or exactly-once let an input through twice), e.g. "
                    + ids.id(committed.repeated().nextSetBit(0)));
        }
        if (committed.malformed() > 0) {
            failures.add(committed.malformed() + " record(s) on " + topics.events() + " are not events");
        }
        return new RunResult.TopicIntegrity(inRun.cardinality(), outside.cardinality(), repeated,
                committed.malformed());
    }

    private static Map<String, Long> byFeed(Map<Feed, Long> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach((feed, n) -> map.put(feed.code(), n));
        return map;
    }

    private Map<String, Long> eventsByChannel() {
        Map<String, Long> events = new TreeMap<>();
        for (String channel : List.of("tick", "ohlcv", "fmv")) {
            events.put(channel, (long) committed.numbers(f -> f.inRun() && f.channel().equals(channel))
                    .cardinality());
        }
        events.put("all", (long) committed.numbers(EventFact::inRun).cardinality());
        return events;
    }

    private Map<Long, Long> eventsPerBurst() {
        Map<Long, BitSet> numbers = new HashMap<>();
        for (EventFact fact : facts) {
            if (fact.inRun() && fact.feed().equals(Feed.AM.code())) {
                numbers.computeIfAbsent(fact.providerTs(), t -> new BitSet()).set(fact.number());
            }
        }
        Map<Long, Long> counts = new HashMap<>();
        numbers.forEach((barEnd, set) -> counts.put(barEnd, (long) set.cardinality()));
        return counts;
    }

    /** Each phase judged by the input accepted in it: latency, and what reading clients missed or got twice. */
    private List<RunResult.Step> steps(Map<PerfClient, IntegrityReport> reports) {
        List<RunResult.Step> steps = new ArrayList<>();
        for (Drive.PhaseInput input : phaseInput) {
            int index = input.index();
            BitSet inStep = committed.numbers(inPhase(index));
            long expected = 0;
            long lost = 0;
            long duplicated = 0;
            for (PerfClient client : reports.keySet()) {
                if (client.stalls()) {
                    continue;
                }
                BitSet owedHere = (BitSet) owed(client.subscription()).clone();
                owedHere.and(inStep);
                expected += owedHere.cardinality();
                for (int n = owedHere.nextSetBit(0); n >= 0; n = owedHere.nextSetBit(n + 1)) {
                    if (!client.receipts().has(n)) {
                        lost++;
                    }
                }
                duplicated += repeatsWithin(client, owedHere);
            }
            Latencies.Breakdown latency = latencies.phase(index);
            Percentiles all = Percentiles.of(latency.get("all"));
            Percentiles tick = Percentiles.of(latency.get("tick"));
            double judged = tick.count() > 0 ? tick.p99() : all.p99();
            double minutes = Math.max(1, input.endMillis() - input.startMillis()) / 60_000.0;
            boolean good = lost == 0 && duplicated == 0 && plan.stepLimit().holds(judged);
            steps.add(new RunResult.Step(index + 1, input.multiplier(),
                    (input.endMillis() - input.startMillis()) / 1000.0, Math.round(profileRate * input.multiplier()),
                    Math.round(input.published()
                    / minutes), all, tick, expected, lost, duplicated, good, good ? "" : note(judged, lost,
                    duplicated)));
        }
        return steps;
    }

    private Predicate<EventFact> inPhase(int index) {
        return f -> f.inRun() && phases.phaseAt(f.ingestTs()) == index;
    }

    private static long repeatsWithin(PerfClient client, BitSet owedHere) {
        long repeats = 0;
        for (int n = owedHere.nextSetBit(0); n >= 0; n = owedHere.nextSetBit(n + 1)) {
            if (client.receipts().repeated(n)) {
                repeats++;
            }
        }
        return repeats;
    }

    private String note(double p99, long lost, long duplicated) {
        List<String> why = new ArrayList<>();
        if (!plan.stepLimit().holds(p99)) {
            why.add(String.format(Locale.ROOT, "p99 %.1f ms, not %s", p99, plan.stepLimit().text()));
        }
        if (lost > 0) {
            why.add(lost + " lost");
        }
        if (duplicated > 0) {
            why.add(duplicated + " duplicated");
        }
        return String.join(", ", why);
    }
}
