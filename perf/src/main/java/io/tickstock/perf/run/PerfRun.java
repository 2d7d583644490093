package io.tickstock.perf.run;

import io.tickstock.perf.client.ClientFleet;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.expect.TopicFollower;
import io.tickstock.perf.integrity.IdSpace;
import io.tickstock.perf.measure.KafkaProbe;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.measure.MachineInfo;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.result.RunRules;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.ServiceMetrics;
import io.tickstock.perf.stack.Stack;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of a {@link RunPlan} against a running stack:
 * <ol>
 *   <li>stop the ingest source and wait until the pipeline is quiet (processor lag 0, events topic still);</li>
 *   <li>note where the raw topics and the events topic end: the run's input and events lie beyond;</li>
 *   <li>follow the events topic ({@code read_committed}, as the gateway reads) and the raw OHLCV topic;</li>
 *   <li>connect and subscribe every client; start Kafka's own latency probe, which runs until the drain is done;</li>
 *   <li>start the simulator, phase by phase; sample latency (from ingest and from the simulator's schedule), rates,
 *       lag, the simulator's lag and resources; print progress;</li>
 *   <li>stop the simulator and drain: the processor commits every raw record, the events topic stops growing,
 *       clients get what they are owed;</li>
 *   <li>account: each client's events against the committed ones its subscription matches, and the counts along
 *       the pipeline against each other.</li>
 * </ol>
 */
public final class PerfRun {

    /** The interval of the timeline and of the progress line. */
    static final Duration TICK = Duration.ofSeconds(5);
    /** An event owed longer than this after it was committed is overdue (shown live; may still arrive). */
    static final long OVERDUE_MILLIS = Rules.OVERDUE.toMillis();
    /** The client whose reads time the minute bursts: the one subscribed to everything. */
    static final String BURST_CLIENT = "all";

    private final RunPlan plan;
    private final Stack stack;
    private final PrintStream console;
    private final String stackNote;
    private final String command;
    private final AtomicReference<IngestControl> active = new AtomicReference<>();

    /**
     * @param stackNote how the stack came to be (started for this run, or a running one reused), for the record
     * @param command the command line that started the run, for the record
     */
    public PerfRun(RunPlan plan, Stack stack, PrintStream console, String stackNote, String command) {
        this.plan = plan;
        this.stack = stack;
        this.console = console;
        this.stackNote = stackNote;
        this.command = command;
    }

    /** Stops the simulator if a run is driving it (for Ctrl-C): the stack must not keep loading the machine. */
    public void abort() {
        IngestControl ingest = active.getAndSet(null);
        if (ingest != null) {
            ingest.stopSource();
        }
    }

    public RunResult execute() {
        double[] loadBefore = ResourceSampler.loadAverages();
        Instant started = Instant.now();
        Stack.TopicNames topics = stack.topics();
        IngestControl ingest = new IngestControl(stack.ingest());
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "perf-sampler");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaOffsets offsets = new KafkaOffsets(stack.bootstrap());
                ClientFleet fleet = new ClientFleet(Math.max(2, Math.min(8, 2 * cores())))) {
            say("stopping the ingest source; waiting for the pipeline to go quiet");
            ingest.stopSource();
            Quiet quiet = new Quiet(offsets, stack.processorGroups(), topics);
            if (!quiet.await(Duration.ofMinutes(3))) {
                notes.add("the pipeline did not go quiet before the run (processor lag " + quiet.lag()
                        + "): events of earlier input may arrive during the run");
            }
            Map<TopicPartition, Long> rawStart = offsets.ends(topics.raw());
            Map<TopicPartition, Long> eventsStart = offsets.stableEnds(List.of(topics.events()));
            Map<TopicPartition, Long> dlqStart = offsets.ends(List.of(topics.rawDlq(), topics.processorDlq()));
            long runStart = System.currentTimeMillis();

            IdSpace ids = new IdSpace();
            CommittedEvents committed = new CommittedEvents(ids, rawStart, runStart);
            BarBursts bursts = new BarBursts();
            PhaseClock phases = new PhaseClock();
            Latencies latencies = new Latencies(plan.phases().size() > 1);
            GroupBursts groupBursts = new GroupBursts();
            Deliveries deliveries = new Deliveries(ids, latencies, bursts, phases, BURST_CLIENT, groupBursts);
            try (TopicFollower events = new TopicFollower(stack.bootstrap(), eventsStart, true, committed).start();
                    TopicFollower bars = new TopicFollower(stack.bootstrap(), only(rawStart, topics.rawOhlcv()),
                            false, bursts).start();
                    KafkaProbe probe = KafkaProbe.start(stack.bootstrap())) {
                List<PerfClient> clients = clients(deliveries, groupBursts);
                say("connecting " + clients.size() + " WebSocket client(s) to " + stack.gateway());
                fleet.connect(stack.gateway(), clients, Duration.ofMinutes(3));
                Counters before = Counters.read(stack, ingest);
                ResourceSampler sampler = new ResourceSampler(components());
                sampler.sample();
                sampling.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
                Overdue overdue = new Overdue(committed, clients, OVERDUE_MILLIS);

                Drive drive = new Drive(plan, stack, console, ingest, offsets, committed, clients, deliveries,
                        latencies, overdue, phases, sampler, probe);
                active.set(ingest);
                drive.run(notes);
                active.set(null);

                drain(drive, offsets, events, overdue, failures);
                KafkaProbe.Summary kafka = probe.stop();
                Counters after = Counters.read(stack, ingest);
                notes.addAll(gatewayMissing(before, "before"));
                notes.addAll(gatewayMissing(after, "after"));
                Map<TopicPartition, Long> rawEnd = offsets.ends(topics.raw());
                Map<TopicPartition, Long> dlqEnd = offsets.ends(List.of(topics.rawDlq(), topics.processorDlq()));
                latencies.interval();
                sampling.shutdownNow();
                Accounting accounting = new Accounting(plan, topics, committed, ids, clients, latencies, bursts,
                        groupBursts, phases, drive.phaseInput(), drive.profileRate());
                Accounting.Outcome outcome = accounting.account(before, after,
                        KafkaOffsets.recordsBetween(rawStart, rawEnd), KafkaOffsets.recordsBetween(dlqStart, dlqEnd),
                        drive.finalLag(), drive.consumed(), failures, notes);
                double[] loadAfter = ResourceSampler.loadAverages();
                Map<String, Percentiles> latency = latencies.total().percentiles();
                RunResult.Baseline baseline = RunResult.Baseline.measured(kafka,
                        latency.getOrDefault("tick", latency.getOrDefault("all", Percentiles.NONE)),
                        drive.simulatorLag());
                if (kafka.lost() > 0) {
                    notes.add("Kafka's probe lost " + kafka.lost() + " of its " + kafka.sent() + " messages (not "
                            + "back within " + KafkaProbe.TIMEOUT.toSeconds() + " s): the broker stalled");
                }
                Map<String, ResourceSampler.Summary> resources = sampler.summaries();
                failures.addAll(ResourceSampler.killedAtLimit(resources));
                return new RunResult(plan.scenario(), started.toString(), started.toEpochMilli(),
                        (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0,
                        failures.isEmpty() ? RunResult.PASSED : RunResult.FAILED, failures, notes,
                        configuration(), MachineInfo.read(loadBefore, loadAfter),
                        outcome.input(drive.inputMillis(), drive.nominalPerMinute()), latency, baseline,
                        outcome.bursts(), outcome.clients(), outcome.groups(), outcome.topic(),
                        outcome.checks(), resources, sampler.peakSumMb(Stack.SERVICES),
                        ServiceMetrics.increase(before.gateway(), after.gateway()), drive.timeline(),
                        outcome.steps(), Rules.perfRun(plan.warmup(), plan.p99LimitMillis(), plan.drainTimeout(),
                                plan.scenario().equals(Scenario.STEADY_STATE.id()), RunRules.configuredIn(stackNote)));
            }
        } finally {
            sampling.shutdownNow();
            abort();
        }
    }

    private List<PerfClient> clients(PerfClient.Sink sink, GroupBursts groupBursts) {
        List<PerfClient> clients = new ArrayList<>();
        for (RunPlan.ClientGroup group : plan.clients()) {
            for (int i = 1; i <= group.count(); i++) {
                String name = group.count() == 1 ? group.name() : group.name() + "-" + i;
                PerfClient client = new PerfClient(name, group.subscription(i), group.stalls(), stack.token(), sink);
                groupBursts.member(client, group.name());
                clients.add(client);
            }
        }
        return clients;
    }

    private Map<String, Long> components() {
        Map<String, Long> components = new LinkedHashMap<>(stack.processes());
        components.put("harness", ProcessHandle.current().pid());
        return components;
    }

    /**
     * After the input stopped: the raw topics stop growing, the processor commits all of them, the events topic
     * stops growing and is read to its end, and every client gets what it is owed (or stops getting anything); a
     * wait that runs out fails the run with its reason.
     */
    private void drain(Drive drive, KafkaOffsets offsets, TopicFollower events, Overdue overdue,
            List<String> failures) {
        say("input stopped; draining: processor → events topic → clients");
        Stack.TopicNames topics = stack.topics();
        Quiet quiet = new Quiet(offsets, stack.processorGroups(), topics);
        failures.addAll(new Drain(Rules.PERF_DRAIN, plan.drainTimeout(), Waits.SYSTEM).run(Drain.of(offsets, topics,
                quiet, events, () -> overdue.check(Long.MAX_VALUE / 2))));
        drive.finalLag(quiet.lag());
        drive.consumed(quiet.consumedTopics());
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private RunResult.Configuration configuration() {
        return new RunResult.Configuration(plan.profile(),
                plan.phases().stream().map(p -> new RunResult.PhaseConfig(p.multiplier(), p.length().toMillis()
                        / 1000.0)).toList(),
                plan.clients().stream().map(g -> new RunResult.ClientConfig(g.name(), g.count(),
                        g.described(), g.stalls())).toList(),
                plan.p99LimitMillis(), plan.warmup().toMillis() / 1000.0, stackNote, stack.gateway().toString(),
                stack.ingest().toString(), stack.bootstrap(), command);
    }

    /** The gateway's counters absent from its metrics: their figures are missing from the result, and say so. */
    private static List<String> gatewayMissing(Counters counters, String when) {
        return counters.gatewayMissing().stream().map(metric -> "the gateway's metrics had no " + metric + " " + when
                + " the run: the result has no figure of it").toList();
    }

    private static Map<TopicPartition, Long> only(Map<TopicPartition, Long> offsets, String topic) {
        Map<TopicPartition, Long> map = new LinkedHashMap<>();
        offsets.forEach((tp, offset) -> {
            if (tp.topic().equals(topic)) {
                map.put(tp, offset);
            }
        });
        return map;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private void say(String line) {
        console.println("==> " + line);
    }
}
