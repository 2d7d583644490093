package io.tickstock.perf.chaos;

import io.tickstock.perf.run.Scenario;
import io.tickstock.perf.client.ClientFleet;
import io.tickstock.perf.dedup.DedupCheck;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.expect.EventFact;
import io.tickstock.perf.expect.TopicFollower;
import io.tickstock.perf.integrity.IdSpace;
import io.tickstock.perf.integrity.Integrity;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.MachineInfo;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.DedupReport;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.run.Drain;
import io.tickstock.perf.run.PerfRun;
import io.tickstock.perf.run.Quiet;
import io.tickstock.perf.run.Waits;
import io.tickstock.perf.stack.Health;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.ServiceMetrics;
import io.tickstock.perf.stack.Stack;
import io.tickstock.tools.status.MetricsText;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * One chaos run: the surge load through a stack while WebSocket clients stay subscribed (reconnecting and resuming
 * whenever they are cut off), and faults struck one after the other at random moments — each followed by the
 * restart an orchestrator would do, and timed until every service says ready again. Then the input stops, the
 * pipeline drains, and each client's events are judged by id against what was committed to the events topic
 * ({@code read_committed}, as the gateway reads): lost, duplicated, unexpected must all be 0.
 */
public final class ChaosRun {

    /** The run's settings; see {@code ./tickstock chaos --help}. */
    public record Plan(ChaosScenario scenario, List<Fault> faults, long seed, String profile, double multiplier,
            Duration warmup, Duration minGap, Duration maxGap, Duration brokerOutage, Duration healthyTimeout,
            Duration drainTimeout, int extraClients, String command) {
    }

    private static final int SERVICE_RESTART = 1012;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Plan plan;
    private final Stack stack;
    private final Components components;
    private final DedupCheck dedupCheck;
    private final Path restartLog;
    private final PrintStream console;
    private final Random random;
    private final IngestControl ingest;
    private final Map<String, URI> services = new LinkedHashMap<>();
    private final ExecutorService pollers = Executors.newFixedThreadPool(3, r -> {
        Thread thread = new Thread(r, "chaos-health");
        thread.setDaemon(true);
        return thread;
    });
    private long loadStart;

    /** @param dedupCheck the audit of the {@code dedup} scenario, run after the drain (other scenarios: unused) */
    public ChaosRun(Plan plan, Stack stack, Components components, DedupCheck dedupCheck, Path restartLog,
            PrintStream console) {
        this.plan = plan;
        this.stack = stack;
        this.components = components;
        this.dedupCheck = dedupCheck;
        this.restartLog = restartLog;
        this.console = console;
        this.random = new Random(plan.seed() ^ 0x5DEECE66DL);
        this.ingest = new IngestControl(stack.ingest());
        services.putAll(stack.httpRoots());
    }

    public ChaosResult execute() {
        double[] loadBefore = ResourceSampler.loadAverages();
        Instant started = Instant.now();
        Stack.TopicNames topics = stack.topics();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ResourceSampler sampler = new ResourceSampler(pids());
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chaos-sampler");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaOffsets offsets = new KafkaOffsets(stack.bootstrap()); ClientFleet fleet = new ClientFleet(4)) {
            Quiet quiet = new Quiet(offsets, stack.processorGroups(), topics);
            ingest.stopSource();
            if (!quiet.await(Duration.ofMinutes(3))) {
                notes.add("the pipeline was not quiet before the run (processor lag " + quiet.lag() + ")");
            }
            Map<TopicPartition, Long> rawStart = offsets.ends(topics.raw());
            Map<TopicPartition, Long> eventsStart = offsets.stableEnds(List.of(topics.events()));
            IdSpace ids = new IdSpace();
            CommittedEvents committed = new CommittedEvents(ids, rawStart, System.currentTimeMillis());
            try (TopicFollower events = new TopicFollower(stack.bootstrap(), eventsStart, true, committed).start()) {
                List<PerfClient> clients = clients(ids);
                say("connecting " + clients.size() + " resuming WebSocket clients to " + stack.gateway());
                fleet.connect(stack.gateway(), clients, Duration.ofMinutes(3));
                clients.forEach(client -> fleet.keepConnected(client, stack::gateway));
                sampler.sample();
                sampling.scheduleAtFixedRate(sampler::sample, 1, 2, TimeUnit.SECONDS);

                startLoad();
                loadStart = System.currentTimeMillis();
                say("load: " + plan.profile() + " x" + plan.multiplier() + "; " + plan.faults().size()
                        + " faults after " + plan.warmup().toSeconds() + " s of warm-up");
                PerfRun.sleep(plan.warmup());
                List<ChaosResult.FaultOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < plan.faults().size(); i++) {
                    if (i > 0) {
                        PerfRun.sleep(gap());
                    }
                    ChaosResult.FaultOutcome outcome = strike(i, plan.faults().get(i), clients, sampler);
                    outcomes.add(outcome);
                    if (outcome.problem() != null) {
                        failures.add("fault " + (i + 1) + " (" + outcome.fault() + "): " + outcome.problem());
                    }
                }
                PerfRun.sleep(plan.warmup()); // load after the last fault too: the stack must go on, not only come back
                ingest.stopSource();
                say("input stopped; draining: processor → events topic → clients");
                drain(offsets, quiet, events, committed, clients, ids, failures);
                sampling.shutdownNow();
                DedupReport dedup = plan.scenario() == ChaosScenario.DEDUP ? auditDedup(failures) : null;

                List<ChaosResult.ClientOutcome> clientOutcomes = account(committed, clients, ids, failures);
                if (committed.repeatedIds() > 0) {
                    failures.add(committed.repeatedIds() + " event id(s) were committed twice to " + topics.events()
                            + ", e.g. " + ids.id(committed.repeated().nextSetBit(0)));
                }
                Map<String, Long> raw = KafkaOffsets.recordsBetween(rawStart, offsets.ends(topics.raw()));
                ChaosResult.Input input = new ChaosResult.Input(raw,
                        committed.numbers(EventFact::inRun).cardinality(),
                        committed.numbers(f -> !f.inRun()).cardinality());
                Map<String, ChaosResult.Recovery> recovery = Recoveries.byTarget(plan.faults(), outcomes);
                ChaosResult.Restore restore = Recoveries.restore(outcomes);
                List<RunResult.Check> targets = Recoveries.targets(plan.faults(), outcomes, clientOutcomes,
                        committed.repeatedIds(), plan.healthyTimeout());
                failures.addAll(Recoveries.missed(targets));
                Map<String, ResourceSampler.Summary> resources = sampler.summaries();
                failures.addAll(ResourceSampler.killedAtLimit(resources));
                return new ChaosResult(plan.scenario().id(), started.toString(), started.toEpochMilli(),
                        (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0,
                        failures.isEmpty() ? ChaosResult.PASSED : ChaosResult.FAILED, failures, notes,
                        new ChaosResult.Configuration(plan.profile(), plan.multiplier(), plan.faults().size(),
                                plan.seed(), (int) plan.brokerOutage().toSeconds(), stack.gateway().toString(),
                                stack.bootstrap(), plan.command()),
                        MachineInfo.read(loadBefore, ResourceSampler.loadAverages()), input, clientOutcomes,
                        committed.repeatedIds(), outcomes, recovery, restore, targets, resources,
                        Rules.chaosRun(plan.warmup(), plan.minGap(), plan.maxGap(), plan.brokerOutage(),
                                plan.healthyTimeout(), plan.drainTimeout()), dedup);
            }
        } finally {
            sampling.shutdownNow();
            pollers.shutdownNow();
            stopLoad();
        }
    }

    private DedupReport auditDedup(List<String> failures) {
        DedupReport report = dedupCheck.run(stack.bootstrap(), stack.topics(), this::say);
        report.failures().forEach(failure -> failures.add("dedup: " + failure));
        return report;
    }

    /** Scenario's three measuring clients (everything, the tick screen, a watch list) and any extra ones. */
    private List<PerfClient> clients(IdSpace ids) {
        PerfClient.Sink sink = (client, event, micros) -> client.receipts().receive(ids.numberOf(event.id()));
        List<PerfClient> clients = new ArrayList<>();
        clients.add(new PerfClient("all", Scenario.EVERYTHING, false, stack.token(), sink));
        clients.add(new PerfClient("tick", Scenario.TICK_EVENTS, false, stack.token(), sink));
        clients.add(new PerfClient("watchlist", Scenario.WATCHLIST, false, stack.token(), sink));
        for (int i = 1; i <= plan.extraClients(); i++) {
            clients.add(new PerfClient("extra-" + i, Scenario.EVERYTHING, false, stack.token(), sink));
        }
        return clients;
    }

    private void startLoad() {
        ingest.multiplier(plan.multiplier());
        ingest.startSimulator(plan.profile());
    }

    /** The load must not go on after the run, whatever ended it; an ingest that is down has no load to stop. */
    private void stopLoad() {
        try {
            ingest.stopSource();
        } catch (RuntimeException e) {
            console.println("==> could not stop the ingest source: " + e.getMessage());
        }
    }

    private Duration gap() {
        long min = plan.minGap().toMillis();
        long spread = Math.max(0, plan.maxGap().toMillis() - min);
        return Duration.ofMillis(min + (spread == 0 ? 0 : (long) (random.nextDouble() * spread)));
    }

    private ChaosResult.FaultOutcome strike(int index, Fault fault, List<PerfClient> clients,
            ResourceSampler sampler) {
        Map<PerfClient, Integer> closesBefore = new LinkedHashMap<>();
        clients.forEach(client -> closesBefore.put(client, client.closeCodes().size()));
        long at = System.currentTimeMillis();
        long exitMillis = -1;
        Map<String, Boolean> readyDuringOutage = Map.of();
        Map<String, Boolean> aliveThroughOutage = Map.of();
        List<String> problems = new ArrayList<>();
        switch (fault.kind()) {
            case KILL -> components.kill(fault.target());
            case SIGTERM -> {
                exitMillis = components.terminate(fault.target(), Rules.CHAOS_STOP_TIMEOUT);
                if (exitMillis < 0) {
                    problems.add(fault.target() + " did not stop within " + Rules.CHAOS_STOP_TIMEOUT.toSeconds()
                            + " s of SIGTERM; killed");
                    components.kill(fault.target());
                }
            }
            case BROKER_STOP -> {
                exitMillis = components.terminate("kafka", Rules.CHAOS_STOP_TIMEOUT);
                if (exitMillis < 0) {
                    problems.add("the broker did not stop within " + Rules.CHAOS_STOP_TIMEOUT.toSeconds()
                            + " s of SIGTERM; killed");
                    components.kill("kafka");
                }
                Outage outage = watchOutage(at + plan.brokerOutage().toMillis());
                readyDuringOutage = outage.ready();
                aliveThroughOutage = outage.alive();
                aliveThroughOutage.forEach((service, alive) -> {
                    if (!alive) {
                        problems.add(service + " died while the broker was down");
                    }
                });
            }
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
        long outageMillis = System.currentTimeMillis() - at;
        components.restart(fault.target(), restartLog);
        Map<String, Long> healthy = awaitHealthy(at, problems);
        if (fault.target().equals("ingest") && healthy.containsKey("ingest")) {
            startLoad(); // a new ingest process runs no source until told, as the run's stack was started
        }
        if (fault.kind() == Fault.Kind.BROKER_STOP) {
            // a service that stopped while the broker was away is restarted, as an orchestrator would
            aliveThroughOutage.forEach((service, alive) -> {
                if (!alive) {
                    components.restart(service, restartLog);
                }
            });
        }
        components.process(fault.target()).ifPresent(p -> sampler.watch(fault.target(), p.pid()));
        Double restoreSeconds = null;
        Long restoredRecords = null;
        if (fault.target().equals("processor") && healthy.containsKey("processor")) {
            Optional<MetricsText> report = restoreReport();
            if (report.isPresent()) {
                restoreSeconds = Math.round(report.get().total("tickstock_processor_restore_seconds_sum") * 1000)
                        / 1000.0;
                restoredRecords = Math.round(report.get().total("tickstock_processor_restore_records_total"));
            } else if (fault.kind() == Fault.Kind.KILL) {
                // after a crash under exactly-once its stores are rebuilt from their changelogs: there must be one
                problems.add("the restarted processor reported no state restoration within "
                        + Rules.CHAOS_RESTORE_REPORT.toSeconds() + " s of being ready (tickstock.processor.restore)");
            }
        }
        Map<Integer, Integer> closes = new TreeMap<>();
        closesBefore.forEach((client, before) -> {
            List<Integer> codes = client.closeCodes();
            codes.subList(Math.min(before, codes.size()), codes.size()).forEach(code -> closes.merge(code, 1,
                    Integer::sum));
            boolean toldToReconnect = codes.subList(Math.min(before, codes.size()), codes.size())
                    .contains(SERVICE_RESTART);
            if (fault.kind() == Fault.Kind.SIGTERM && fault.target().equals("gateway") && !toldToReconnect) {
                problems.add(client.name() + " was not closed with 1012 (reconnect) by the stopping gateway: "
                        + codes.subList(Math.min(before, codes.size()), codes.size()));
            }
        });
        ChaosResult.FaultOutcome outcome = new ChaosResult.FaultOutcome(index + 1, fault.toString(),
                (at - loadStart) / 1000.0, exitMillis, outageMillis, healthy, readyDuringOutage, aliveThroughOutage,
                restoreSeconds, restoredRecords, closes, problems.isEmpty() ? null : String.join("; ", problems));
        say(String.format("fault %d/%d at %s: %s → ready again after %s%s%s%s", index + 1, plan.faults().size(),
                clock(at - loadStart), fault, healthy, restoreSeconds == null ? ""
                : String.format(" (restored %d records in %.1f s)", restoredRecords, restoreSeconds),
                closes.isEmpty() ? "" : "; client closes " + closes,
                outcome.problem() == null ? "" : "; PROBLEM: " + outcome.problem()));
        return outcome;
    }

    private record Outage(Map<String, Boolean> ready, Map<String, Boolean> alive) {
    }

    /** Until {@code untilMillis}: whether each service kept saying ready, and whether its process lived on. */
    private Outage watchOutage(long untilMillis) {
        Map<String, Boolean> ready = new LinkedHashMap<>();
        Map<String, Boolean> alive = new LinkedHashMap<>();
        services.keySet().forEach(service -> {
            ready.put(service, true);
            alive.put(service, true);
        });
        while (System.currentTimeMillis() < untilMillis) {
            services.forEach((service, root) -> {
                ready.computeIfPresent(service, (s, was) -> was && Health.ready(root));
                alive.computeIfPresent(service, (s, was) -> was && components.process(service).isPresent());
            });
            PerfRun.sleep(Duration.ofSeconds(1));
        }
        return new Outage(ready, alive);
    }

    /**
     * Per service, the milliseconds from {@code faultAt} to its first ready answer from now on; each service polled
     * on its own, so a slow answer of one does not delay the others' timing.
     */
    private Map<String, Long> awaitHealthy(long faultAt, List<String> problems) {
        long deadline = System.currentTimeMillis() + plan.healthyTimeout().toMillis();
        Map<String, CompletableFuture<Long>> polls = new LinkedHashMap<>();
        services.forEach((service, root) -> polls.put(service, CompletableFuture.supplyAsync(() -> {
            while (System.currentTimeMillis() < deadline) {
                if (Health.ready(root)) {
                    return System.currentTimeMillis() - faultAt;
                }
                PerfRun.sleep(POLL);
            }
            return -1L;
        }, pollers)));
        Map<String, Long> healthy = new LinkedHashMap<>();
        polls.forEach((service, poll) -> {
            long millis = poll.join();
            if (millis < 0) {
                problems.add(service + " was not ready within " + plan.healthyTimeout().toSeconds() + " s");
            } else {
                healthy.put(service, millis);
            }
        });
        return healthy;
    }

    /** What the restarted processor reports of its state restoration, once it has reported one (up to 30 s). */
    private Optional<MetricsText> restoreReport() {
        long deadline = System.currentTimeMillis() + Rules.CHAOS_RESTORE_REPORT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            MetricsText metrics = ServiceMetrics.scrape(stack.processor());
            if (metrics.total("tickstock_processor_restore_seconds_count") >= 1) {
                return Optional.of(metrics);
            }
            PerfRun.sleep(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    /**
     * After the input stopped: the raw topics stop growing, the processor commits all of them, the events topic is
     * read to its end, and the clients get what they are owed — or stop getting anything for a while; a wait that
     * runs out fails the run with its reason.
     */
    private void drain(KafkaOffsets offsets, Quiet quiet, TopicFollower events, CommittedEvents committed,
            List<PerfClient> clients, IdSpace ids, List<String> failures) {
        failures.addAll(new Drain(Rules.CHAOS_DRAIN, plan.drainTimeout(), Waits.SYSTEM).run(Drain.of(offsets,
                stack.topics(), quiet, events, () -> missing(committed, clients, ids))));
    }

    private static long missing(CommittedEvents committed, List<PerfClient> clients, IdSpace ids) {
        return clients.stream().mapToLong(client -> Integrity.check(client.name(), owed(committed, client),
                new BitSet(), client.receipts(), ids).lost()).sum();
    }

    private static BitSet owed(CommittedEvents committed, PerfClient client) {
        return committed.numbers(f -> f.inRun() && client.subscription().matches(f.type(), f.symbol()));
    }

    private static List<ChaosResult.ClientOutcome> account(CommittedEvents committed, List<PerfClient> clients,
            IdSpace ids, List<String> failures) {
        List<ChaosResult.ClientOutcome> outcomes = new ArrayList<>();
        for (PerfClient client : clients) {
            BitSet tolerated = committed.numbers(f -> !f.inRun()
                    && client.subscription().matches(f.type(), f.symbol()));
            IntegrityReport report = Integrity.check(client.name(), owed(committed, client), tolerated,
                    client.receipts(), ids);
            if (!report.intact()) {
                failures.add(client.name() + ": " + report.lost() + " lost, " + report.duplicated() + " duplicated, "
                        + report.unexpected() + " unexpected of " + report.expected() + " owed"
                        + sample(" lost e.g. ", report.lostSample()) + sample(" duplicated e.g. ",
                        report.duplicatedSample()) + sample(" unexpected e.g. ", report.unexpectedSample()));
            }
            if (client.resumedWithGap() > 0) {
                failures.add(client.name() + ": " + client.resumedWithGap() + " resume(s) answered recovered:false");
            }
            if (!client.errors().stream().allMatch(error -> error.startsWith("transport:"))) {
                failures.add(client.name() + " got protocol errors: " + client.errors());
            }
            outcomes.add(new ChaosResult.ClientOutcome(client.name(), client.subscription().params(),
                    client.connections(), client.closeCodes(), client.resumed(), client.resumedWithGap(),
                    client.errors(), report));
        }
        return outcomes;
    }

    private static String sample(String label, List<String> ids) {
        return ids.isEmpty() ? "" : ";" + label + ids.get(0);
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of("kafka", "processor", "gateway", "ingest")) {
            Optional<ProcessHandle> process = components.process(name);
            process.ifPresent(p -> pids.put(name, p.pid()));
        }
        return pids;
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private void say(String line) {
        console.println("==> " + line);
    }
}
