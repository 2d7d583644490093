package io.tickstock.perf.run;

import io.tickstock.model.Feed;
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
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.ServiceMetrics;
import io.tickstock.perf.stack.Stack;
import io.tickstock.tools.status.MetricsText;
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
import java.util.function.BooleanSupplier;
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
    static final long OVERDUE_MILLIS = 5_000;

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
            Deliveries deliveries = new Deliveries(ids, latencies, bursts, phases, "all", groupBursts);
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
                Map<TopicPartition, Long> rawEnd = offsets.ends(topics.raw());
                Map<TopicPartition, Long> dlqEnd = offsets.ends(List.of(topics.rawDlq(), topics.processorDlq()));
                latencies.interval();
                sampling.shutdownNow();
                Accounting accounting = new Accounting(plan, topics, committed, ids, clients, latencies, bursts,
                        groupBursts, phases, drive.phaseInput(), drive.profileRate());
                Accounting.Outcome outcome = accounting.account(before, after,
                        KafkaOffsets.recordsBetween(rawStart, rawEnd), KafkaOffsets.recordsBetween(dlqStart, dlqEnd),
                        drive.finalLag(), drive.consumed(), failures);
                double[] loadAfter = ResourceSampler.loadAverages();
                Map<String, Percentiles> latency = latencies.total().percentiles();
                RunResult.Baseline baseline = RunResult.Baseline.measured(kafka,
                        latency.getOrDefault("tick", latency.getOrDefault("all", Percentiles.NONE)),
                        drive.simulatorLag());
                if (kafka.lost() > 0) {
                    notes.add("Kafka's probe lost " + kafka.lost() + " of its " + kafka.sent() + " messages (not "
                            + "back within " + KafkaProbe.TIMEOUT.toSeconds() + " s): the broker stalled");
                }
                return new RunResult(plan.scenario(), started.toString(), started.toEpochMilli(),
                        (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0,
                        failures.isEmpty() ? RunResult.PASSED : RunResult.FAILED, failures, notes,
                        configuration(), MachineInfo.read(loadBefore, loadAfter),
                        outcome.input(drive.inputMillis(), drive.nominalPerMinute()), latency, baseline,
                        outcome.bursts(), outcome.clients(), outcome.groups(), outcome.topic(),
                        outcome.checks(), sampler.summaries(), sampler.peakSumMb(Stack.SERVICES),
                        ServiceMetrics.increase(before.gateway(), after.gateway()), drive.timeline(),
                        outcome.steps());
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
     * stops growing and is read to its end, and every client gets what it is owed (or stops getting anything).
     */
    private void drain(Drive drive, KafkaOffsets offsets, TopicFollower events, Overdue overdue,
            List<String> failures) {
        say("input stopped; draining: processor → events topic → clients");
        Stack.TopicNames topics = stack.topics();
        Stable rawEnds = new Stable(() -> offsets.ends(topics.raw()));
        waitUntil(Duration.ofSeconds(30), rawEnds::still);
        Quiet quiet = new Quiet(offsets, stack.processorGroups(), topics);
        if (!quiet.awaitProcessor(plan.drainTimeout())) {
            failures.add("the processor did not consume every raw record of the run within "
                    + plan.drainTimeout().toSeconds() + " s: " + quiet.lag() + " records behind");
        }
        drive.finalLag(quiet.lag());
        drive.consumed(quiet.consumedTopics());
        Stable eventEnds = new Stable(() -> offsets.stableEnds(List.of(topics.events())));
        waitUntil(Duration.ofSeconds(60), () -> eventEnds.still() && events.behind() == 0);
        Stable missing = new Stable(() -> overdue.check(Long.MAX_VALUE / 2));
        waitUntil(Duration.ofSeconds(90), () -> overdue.check(Long.MAX_VALUE / 2) == 0 || missing.stillFor(15));
    }

    public static boolean waitUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
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

    /** The counters a run is reconciled by, read before and after it. */
    record Counters(Map<Feed, Long> published, Map<String, Long> processed, Map<String, Long> duplicates,
            Map<String, Long> emitted, Map<String, Long> gateway, IngestControl.SimulatorCounts simulator,
            boolean processorCounts) {

        static Counters read(Stack stack, IngestControl ingest) {
            MetricsText processor = ServiceMetrics.scrape(stack.processor());
            MetricsText gateway = ServiceMetrics.scrape(stack.gatewayHttp());
            Map<String, Long> gatewayCounts = new LinkedHashMap<>();
            putTotal(gatewayCounts, "sent", gateway, "tickstock_gateway_sent_total");
            putTotal(gatewayCounts, "shed", gateway, "tickstock_gateway_shed_total");
            putTotal(gatewayCounts, "conflated", gateway, "tickstock_gateway_conflated_total");
            putTotal(gatewayCounts, "slowCloses", gateway, "tickstock_gateway_slow_closes_total");
            putTotal(gatewayCounts, "repeated", gateway, "tickstock_gateway_events_repeated_total");
            putTotal(gatewayCounts, "received", gateway, "tickstock_gateway_events_received_total");
            putTotal(gatewayCounts, "topicReads", gateway, "tickstock_gateway_topic_reads_total");
            // the gateway's own CPU time, in ms: what its deliveries per CPU-second are reckoned by
            double cpuSeconds = gateway.total("tickstock_gateway_cpu_seconds_total");
            if (!Double.isNaN(cpuSeconds)) {
                gatewayCounts.put("cpuMillis", Math.round(cpuSeconds * 1000));
            }
            // of that, its JIT compiler's: a fresh JVM warming up, not a cost per delivery (reported beside it)
            double compilerSeconds = gateway.total("tickstock_gateway_compiler_cpu_seconds_total");
            if (!Double.isNaN(compilerSeconds)) {
                gatewayCounts.put("compilerCpuMillis", Math.round(compilerSeconds * 1000));
            }
            putTotal(gatewayCounts, "frames", gateway, "tickstock_gateway_frames_total");
            return new Counters(ingest.published(),
                    ServiceMetrics.counts(processor, "tickstock_channel_processed_total", "channel"),
                    // input re-deliveries only (SPEC §5.1); cross-source sightings of one fact are counted apart
                    ServiceMetrics.counts(processor, "tickstock_channel_duplicates_total", "channel",
                            s -> s.labels().getOrDefault("kind", "input").equals("input")),
                    ServiceMetrics.counts(processor, "tickstock_channel_emitted_total", "channel"),
                    gatewayCounts, ingest.simulator(), processor.has("tickstock_channel_processed_total"));
        }

        private static void putTotal(Map<String, Long> map, String key, MetricsText metrics, String name) {
            double total = metrics.total(name);
            if (!Double.isNaN(total)) {
                map.put(key, Math.round(total));
            }
        }

        long publishedTotal() {
            return published.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Waits for a value to stop changing. */
    public static final class Stable {
        private final java.util.function.Supplier<Object> value;
        private Object last;
        private long since = System.nanoTime();

        public Stable(java.util.function.Supplier<Object> value) {
            this.value = value;
        }

        /** True when the value equals the one of the previous call. */
        public boolean still() {
            Object now = value.get();
            boolean same = now.equals(last);
            if (!same) {
                since = System.nanoTime();
            }
            last = now;
            return same;
        }

        /** True when the value has not changed for {@code seconds}. */
        public boolean stillFor(int seconds) {
            still();
            return System.nanoTime() - since >= TimeUnit.SECONDS.toNanos(seconds);
        }
    }
}
