package io.tickstock.perf.run;

import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.measure.KafkaProbe;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.measure.SimulatorLag;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.ServiceMetrics;
import io.tickstock.perf.stack.SimulatorSchedule;
import io.tickstock.perf.stack.Stack;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The input side of a run: plays the plan's phases on the ingest simulator, follows the simulator's schedule (for
 * latency from it) and samples its lag once a second, and every five seconds takes a point of the timeline (with the
 * Kafka probe's interval beside the pipeline's) and prints a progress line. A ramp's step is judged five seconds
 * into the next one (its late events have had that long to arrive); a bad step ends the ramp.
 */
final class Drive {

    /** The input of one phase: when it ran and what ingest published in it. */
    record PhaseInput(int index, double multiplier, long startMillis, long endMillis, long published) {
    }

    private final RunPlan plan;
    private final PrintStream console;
    private final IngestControl ingest;
    private final Quiet quiet;
    private final List<PerfClient> clients;
    private final Deliveries deliveries;
    private final Latencies latencies;
    private final Overdue overdue;
    private final PhaseClock phases;
    private final ResourceSampler sampler;
    private final CommittedEvents committed;
    private final Map<String, URI> httpRoots;
    private final List<RunResult.TimelinePoint> timeline = new ArrayList<>();
    private final List<PhaseInput> phaseInput = new ArrayList<>();
    /** The probe's CPU in the timeline, under the name the EndToEndLatency process had in earlier runs. */
    static final String KAFKA_PROBE = "kafka-probe";
    private final KafkaProbe probe;
    private final SimulatorLag simulatorLag = new SimulatorLag();
    private final AtomicReference<RuntimeException> lagUnread = new AtomicReference<>();
    private SimulatorSchedule schedule;
    private long simulatorMaxLag = -1;
    private long inputStart;
    private long inputEnd;
    private long profileRate;
    private long finalLag;
    private java.util.Set<String> consumed = java.util.Set.of();
    private long lastPointAt;
    private long lastPublished;
    private long lastCommitted;
    private long lastDelivered;
    private int lastSamples;

    Drive(RunPlan plan, Stack stack, PrintStream console, IngestControl ingest, KafkaOffsets offsets,
            CommittedEvents committed, List<PerfClient> clients, Deliveries deliveries, Latencies latencies,
            Overdue overdue, PhaseClock phases, ResourceSampler sampler, KafkaProbe probe) {
        this.plan = plan;
        this.httpRoots = stack.httpRoots();
        this.console = console;
        this.ingest = ingest;
        this.quiet = new Quiet(offsets, stack.processorGroups(), stack.topics());
        this.committed = committed;
        this.clients = clients;
        this.deliveries = deliveries;
        this.latencies = latencies;
        this.overdue = overdue;
        this.phases = phases;
        this.sampler = sampler;
        this.probe = probe;
    }

    void run(List<String> notes) {
        lastPublished = ingest.publishedTotal();
        boolean[] judged = new boolean[plan.phases().size()];
        boolean stop = false;
        ScheduledExecutorService lagSampling = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "perf-simulator-lag");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < plan.phases().size() && !stop; i++) {
            RunPlan.Phase phase = plan.phases().get(i);
            ingest.multiplier(phase.multiplier());
            long start = System.currentTimeMillis();
            if (i == 0) {
                ingest.startSimulator(plan.profile());
                inputStart = start;
                deliveries.measureFrom(start + plan.warmup().toMillis());
                lastPointAt = start;
                probe.interval(); // the timeline's intervals start with the input; the run's total has all of it
                profileRate = ingest.simulator().messagesPerMinute();
                lagSampling.scheduleAtFixedRate(this::sampleLag, 1, 1, TimeUnit.SECONDS);
            }
            followSchedule(i, notes);
            phases.begin(start);
            long publishedAtStart = ingest.publishedTotal();
            console.printf("==> phase %d: %s x%s, %d s%n", i + 1, plan.profile(), RunPlan.multiplier(phase.multiplier()),
                    phase.length().toSeconds());
            long end = start + phase.length().toMillis();
            while (System.currentTimeMillis() < end) {
                PerfRun.sleep(Duration.ofMillis(Math.min(PerfRun.TICK.toMillis(), end - System.currentTimeMillis())));
                point(i);
                if (i > 0 && !judged[i - 1]
                        && System.currentTimeMillis() - phases.startOf(i) >= PerfRun.OVERDUE_MILLIS) {
                    judged[i - 1] = true;
                    if (!judge(i - 1) && plan.stopWhenBad()) {
                        stop = true;
                        break;
                    }
                }
                if (ingest.simulator().finished()) {
                    notes.add("the simulator reached its profile's length after " + (System.currentTimeMillis()
                            - inputStart) / 1000 + " s (set TICKSTOCK_INGEST_SIMULATOR_DURATION for longer runs)");
                    stop = true;
                    break;
                }
            }
            phaseInput.add(new PhaseInput(i, phase.multiplier(), start, System.currentTimeMillis(),
                    ingest.publishedTotal() - publishedAtStart));
        }
        ingest.stopSource();
        inputEnd = System.currentTimeMillis();
        lagSampling.shutdownNow();
        simulatorMaxLag = ingest.simulator().maxLagMillis();
        if (lagUnread.get() != null) {
            notes.add("the simulator's lag could not be read at some of its samples, e.g.: " + lagUnread.get());
        }
    }

    /**
     * The stretch of the simulator's schedule it runs on now, after a start or a change of speed, for latency from
     * the schedule.
     */
    private void followSchedule(int phase, List<String> notes) {
        ingest.scheduleNow().ifPresentOrElse(stretch -> {
            schedule = schedule == null ? SimulatorSchedule.of(stretch) : schedule.then(stretch);
            deliveries.schedule(schedule);
        }, () -> {
            if (phase == 0) {
                notes.add("the ingest service does not report its simulator's schedule: no latency from the "
                        + "schedule in this run");
            }
        });
    }

    private void sampleLag() {
        try {
            simulatorLag.sample(ingest.simulator().lagMillis());
        } catch (RuntimeException e) {
            // an exception out of a scheduled task would end the sampling; the run says it missed samples
            lagUnread.compareAndSet(null, e);
        }
    }

    /** The live judgement of a step: its tick p99 so far (overdue events count as too late) against the limit. */
    private boolean judge(int phase) {
        Latencies.Breakdown step = latencies.phase(phase);
        String key = step.get("tick").getTotalCount() > 0 ? "tick" : "all";
        Percentiles p = Percentiles.of(step.get(key));
        int missing = overdue.inPhase(phase, phases);
        boolean good = missing == 0 && plan.stepLimit().holds(p.p99());
        console.printf("==> phase %d judged %s: %s p99 %.1f ms over %d events, %d overdue%n", phase + 1,
                good ? "good" : "BAD", key, p.p99(), p.count(), missing);
        return good;
    }

    private void point(int phase) {
        long now = System.currentTimeMillis();
        double seconds = Math.max(0.001, (now - lastPointAt) / 1000.0);
        Latencies.Breakdown interval = latencies.interval();
        long published = ingest.publishedTotal();
        long committedNow = committed.count();
        long deliveredNow = deliveries.delivered();
        long lag = quiet.measure();
        int missing = overdue.check(now);
        long repeats = clients.stream().mapToLong(c -> c.receipts().extraCopies()).sum();
        List<ResourceSampler.Sample> samples = sampler.samples();
        List<ResourceSampler.Sample> recent = samples.subList(Math.min(lastSamples, samples.size()), samples.size());
        lastSamples = samples.size();
        Map<String, Double> rss = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> jit = new LinkedHashMap<>();
        double machine = 0;
        for (ResourceSampler.Sample sample : recent) {
            sample.components().forEach((name, usage) -> {
                rss.put(name, usage.rssMb());
                cpu.merge(name, usage.cpuPercent() / recent.size(), Double::sum);
                jit.merge(name, usage.jitCpuPercent() / recent.size(), Double::sum);
            });
            machine += sample.machineCpuPercent() / recent.size();
        }
        cpu.replaceAll((name, value) -> round(value));
        jit.replaceAll((name, value) -> round(value));
        KafkaProbe.Interval kafka = probe.interval();
        cpu.put(KAFKA_PROBE, round(kafka.cpuPercent()));
        Percentiles all = Percentiles.of(interval.get("all"));
        Percentiles tick = Percentiles.of(interval.get("tick"));
        Percentiles tickFromSchedule = Percentiles.of(interval.get(Latencies.fromSchedule("tick")));
        Percentiles gateway = Percentiles.of(interval.get("gateway→read"));
        double inputRate = (published - lastPublished) / seconds;
        timeline.add(new RunResult.TimelinePoint(Math.round((now - inputStart) / 100.0) / 10.0, phase,
                round(inputRate), round((committedNow - lastCommitted) / seconds),
                round((deliveredNow - lastDelivered) / seconds), all, tick, lag, rss, heapMb(), cpu, round(machine),
                gateway, tickFromSchedule, kafka.latency(), kafka.lost(), simulatorLag.interval(), jit));
        console.printf("[%5s] x%-3s in %6.0f/s  committed %5.0f/s  read %6.0f/s  p99 tick %7s  all %7s  "
                        + "kafka %7s  overdue %d  dup %d  lag %d  load %.1f%n",
                clock(now - inputStart), RunPlan.multiplier(plan.phases().get(phase).multiplier()), inputRate,
                (committedNow - lastCommitted) / seconds, (deliveredNow - lastDelivered) / seconds, ms(tick),
                ms(all), ms(kafka.latency()), missing, repeats, lag, ResourceSampler.load1());
        lastPointAt = now;
        lastPublished = published;
        lastCommitted = committedNow;
        lastDelivered = deliveredNow;
    }

    private Map<String, Double> heapMb() {
        Map<String, Double> heap = new LinkedHashMap<>();
        httpRoots.forEach((service, root) -> ServiceMetrics.heapMb(root).ifPresent(mb -> heap.put(service, round(mb))));
        return heap;
    }

    private static String ms(Percentiles p) {
        return p.count() == 0 ? "-" : String.format("%.1fms", p.p99());
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    List<RunResult.TimelinePoint> timeline() {
        return List.copyOf(timeline);
    }

    List<PhaseInput> phaseInput() {
        return List.copyOf(phaseInput);
    }

    /** The simulator's lag over the input, with its own maximum over every message it sent. */
    SimulatorLag.Summary simulatorLag() {
        return simulatorLag.summary(simulatorMaxLag);
    }

    long inputMillis() {
        return inputEnd - inputStart;
    }

    /** The profile's messages per minute, duplicates not counted, at ×1. */
    long profileRate() {
        return profileRate;
    }

    double nominalPerMinute() {
        double weighted = 0;
        long total = 0;
        for (PhaseInput input : phaseInput) {
            long length = input.endMillis() - input.startMillis();
            weighted += input.multiplier() * length;
            total += length;
        }
        return total == 0 ? 0 : Math.round(profileRate * weighted / total);
    }

    void consumed(java.util.Set<String> topics) {
        this.consumed = java.util.Set.copyOf(topics);
    }

    /** The raw topics the processor's group had committed offsets on after the drain. */
    java.util.Set<String> consumed() {
        return consumed;
    }

    void finalLag(long lag) {
        this.finalLag = lag;
    }

    long finalLag() {
        return finalLag;
    }
}
