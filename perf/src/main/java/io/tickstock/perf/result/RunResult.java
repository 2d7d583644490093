package io.tickstock.perf.result;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.KafkaProbe;
import io.tickstock.perf.measure.MachineInfo;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.measure.SimulatorLag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

/**
 * Every figure of one run, as written to {@code perf/results/SCENARIO-TIMESTAMP.json} and read back by the report.
 * Times are epoch milliseconds, latencies milliseconds, memory MB (2^20 bytes), CPU percent of one core.
 *
 * @param verdict {@code PASSED} when nothing was lost, repeated or unaccounted for; {@code FAILED} otherwise,
 *     whatever the speed; {@code failures} says why
 * @param latency ingestTs → read by a client, over every event of the run's input every reading client read:
 *     {@code all}, per channel ({@code tick}, {@code ohlcv}, {@code fmv}) and per priority ({@code P0} …); and from
 *     when the simulator had the input due → read ({@code tick from schedule} …; not in runs before it was kept)
 * @param clients the measuring clients, the stalled one, and any client whose integrity failed
 * @param groups every client group summarised (a thousand fan-out clients are one line)
 * @param steps a ramp's steps; one step for other scenarios. The steps that ran: a ramp stops at its first bad
 *     step, so it may have fewer than {@code configuration.phases}
 * @param rules the settings the run was judged by; null in results written before runs recorded them (issue 15):
 *     {@link #judgedBy()} derives what their configuration says
 */
public record RunResult(
        String scenario,
        String startedAt,
        long startedAtMillis,
        double seconds,
        String verdict,
        List<String> failures,
        List<String> notes,
        Configuration configuration,
        MachineInfo machine,
        Input input,
        Map<String, Percentiles> latency,
        Baseline baseline,
        List<BarBursts.Burst> bursts,
        List<ClientResult> clients,
        List<GroupResult> groups,
        TopicIntegrity topic,
        List<Check> reconciliation,
        Map<String, ResourceSampler.Summary> resources,
        double servicesRssPeakMb,
        Map<String, Long> gateway,
        List<TimelinePoint> timeline,
        List<Step> steps,
        RunRules rules) {

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    public boolean passed() {
        return PASSED.equals(verdict);
    }

    /** How long the input ran: the steps that ran, not the plan (a ramp stops at its first bad step). */
    public double inputSeconds() {
        return steps.stream().mapToDouble(Step::seconds).sum();
    }

    /**
     * The settings the run was judged by: as recorded, or, for a result written before runs recorded them, the
     * warm-up and step limit its configuration holds and the overrides its stack note names, the rest unknown.
     */
    public RunRules judgedBy() {
        return rules != null ? rules : Rules.perfDerived(configuration.warmupSeconds(),
                configuration.p99LimitMillis(), "steady_state".equals(scenario),
                RunRules.configuredIn(configuration.stack()));
    }

    /**
     * Events the gateway wrote to clients during the run per second of its own CPU time, or 0 when the run has no
     * figure for it (the gateway's counters over the run: {@code sent}, {@code cpuMillis}).
     */
    public double deliveriesPerGatewayCpuSecond() {
        long cpuMillis = gateway == null ? 0 : gateway.getOrDefault("cpuMillis", 0L);
        return cpuMillis <= 0 ? 0 : gateway.getOrDefault("sent", 0L) / (cpuMillis / 1000.0);
    }

    /**
     * What the gateway's CPU per delivery is made of, where the run has it: events per frame (a frame is one write
     * to a socket), and the JIT compiler's share of the CPU with the figure it would be without it. Empty for runs
     * written before these were measured.
     */
    public static String deliveryCostDetail(RunResult run) {
        Map<String, Long> gateway = run.gateway();
        if (gateway == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        long sent = gateway.getOrDefault("sent", 0L);
        long frames = gateway.getOrDefault("frames", 0L);
        if (frames > 0) {
            parts.add(String.format(Locale.ROOT, "%,d frames of %.1f events on average", frames,
                    (double) sent / frames));
        }
        long cpu = gateway.getOrDefault("cpuMillis", 0L);
        long compiler = gateway.getOrDefault("compilerCpuMillis", -1L);
        if (compiler >= 0 && cpu > compiler) {
            parts.add(String.format(Locale.ROOT, "the JIT compiler %,.1f s of the CPU (%,.0f deliveries per "
                    + "CPU-second without it)", compiler / 1000.0, sent / ((cpu - compiler) / 1000.0)));
        }
        return String.join("; ", parts);
    }

    /**
     * How the run was set up, to repeat it. (Runs before the in-process Kafka probe also had
     * {@code baselineMessages}, EndToEndLatency's message count; their {@code baseline.probe} holds it too.)
     *
     * @param phases the plan; what ran is in {@link RunResult#steps}
     */
    public record Configuration(String profile, List<PhaseConfig> phases, List<ClientConfig> clients,
            double p99LimitMillis, double warmupSeconds, String stack, String gateway, String ingest,
            String bootstrap, String command) {
    }

    public record PhaseConfig(double multiplier, double seconds) {
    }

    public record ClientConfig(String name, int count, String subscription, boolean stalls) {
    }

    /**
     * What went in and came out.
     *
     * @param sent messages the simulator sent, per feed, injected duplicates included
     * @param duplicates of those, injected duplicates (re-sent copies)
     * @param perMinute messages sent per minute of the run (the achieved rate, not the nominal one)
     * @param rawRecords records the run added to each raw topic
     * @param events events of the run's input committed to {@code tickstock.events}, per channel and in all
     */
    public record Input(Map<String, Long> sent, Map<String, Long> duplicates, long total, double perMinute,
            double nominalPerMinute, Map<String, Long> rawRecords, Map<String, Long> events) {
    }

    /**
     * What the run's latency is measured against: Kafka's own one-hop latency on the same broker during the run, our
     * tick p99 over its p99, and how far the simulator fell behind its schedule.
     *
     * @param source {@value #IN_PROCESS}, whose figures are {@code kafka}; or, in runs before it,
     *     {@value #END_TO_END_LATENCY}, Kafka's tool run for ~10 s of the run in a JVM of its own, whose output is
     *     {@code probe}
     * @param tickP99OverKafkaP99 null when the run has no Kafka figure (the probe had nothing back)
     * @param simulatorLag null in runs before it was kept
     */
    public record Baseline(String source, KafkaProbe.Summary kafka, EndToEndLatency probe, Double tickP99OverKafkaP99,
            SimulatorLag.Summary simulatorLag) {

        public static final String IN_PROCESS = "in-process probe";
        public static final String END_TO_END_LATENCY = "EndToEndLatency";

        public Baseline {
            if (source == null && probe != null) {
                source = END_TO_END_LATENCY;
            }
        }

        /** What {@code org.apache.kafka.tools.EndToEndLatency} printed, in whole milliseconds. */
        public record EndToEndLatency(String topic, int messages, int messageBytes, double avgMs, long p50Ms,
                long p99Ms, long p999Ms, String output) {
        }

        /** The run's baseline from the in-process probe: the ratio from its p99, with microsecond resolution. */
        public static Baseline measured(KafkaProbe.Summary kafka, Percentiles tick, SimulatorLag.Summary lag) {
            Double ratio = kafka.latency().count() == 0 || tick.count() == 0 ? null
                    : Math.round(tick.p99() / Math.max(kafka.latency().p99(), 0.001) * 10) / 10.0;
            return new Baseline(IN_PROCESS, kafka, null, ratio, lag);
        }

        /** Kafka's p99 in milliseconds; empty when the run has none. */
        public OptionalDouble kafkaP99Millis() {
            if (kafka != null && kafka.latency().count() > 0) {
                return OptionalDouble.of(kafka.latency().p99());
            }
            return probe == null ? OptionalDouble.empty() : OptionalDouble.of(probe.p99Ms());
        }
    }

    /** @param closedAfterMillis a stalled client: from when it stopped reading to when its connection was gone */
    public record ClientResult(String name, String subscription, boolean stalls, long events, long snapshots,
            long shed, long conflated, Integer closeCode, List<String> errors, IntegrityReport integrity,
            Percentiles latency, Long closedAfterMillis) {
    }

    /**
     * A group of clients: how many stayed intact, how their p99s spread, the gateway's own share of their latency,
     * and how they had the minute bursts.
     *
     * @param gateway the gateway read from Kafka → read by the client, every delivery after the warm-up
     * @param bursts null for a stalled group
     */
    public record GroupResult(String name, int clients, String subscription, boolean stalls, int intact,
            long expected, long lost, long duplicated, long unexpected, double p50OfP99, double maxOfP99,
            double maxOfMax, Percentiles gateway, GroupBursts bursts) {
    }

    /**
     * The whole minute bursts a group was owed events of, how many of them every client of the group got whole,
     * and, over those (-1: none), last bar ingested → the last event read by any of its clients, and the gateway's
     * fan-out: its read of the burst's last event from Kafka → that moment (null in results written before the
     * harness measured it).
     */
    public record GroupBursts(int bursts, int delivered, long medianMillis, long worstMillis, Long medianFanoutMillis,
            Long worstFanoutMillis) {

        /** The fan-out's worst, -1 when there is none. */
        public long worstFanout() {
            return worstFanoutMillis == null ? -1 : worstFanoutMillis;
        }

        /** The fan-out's median, -1 when there is none. */
        public long medianFanout() {
            return medianFanoutMillis == null ? -1 : medianFanoutMillis;
        }
    }

    /** The events topic itself: what the run committed, and whether an id was committed twice. */
    public record TopicIntegrity(long committedInRun, long committedOutsideRun, long repeatedIds, long malformed) {
    }

    /** One reconciliation of counts along the pipeline, or one target of a chaos run. */
    public record Check(String name, String expected, String actual, boolean ok, String meaning) {

        /** How the check fell short, as a run's failures say it: "NAME: expected …, found … (MEANING)". */
        public String shortfall() {
            return name + ": expected " + expected + ", found " + actual + " (" + meaning + ")";
        }
    }

    /**
     * Five seconds of the run. Fields added later are null in runs written before they were kept.
     *
     * @param gateway the gateway's read → the client's read of the interval's events, every client
     * @param tickFromSchedule the interval's tick events from when the simulator had their input due → read
     * @param kafka the Kafka probe's send → receive of the messages back in the interval
     * @param kafkaLost the probe's messages found lost in the interval (sent more than its timeout before)
     * @param simulatorLagMillis the most the simulator was behind its schedule in the interval's samples
     * @param jitCpuPercent per component, the part of its {@code cpuPercent} its JIT compiler threads used (null in
     *     results from before it was kept)
     */
    public record TimelinePoint(double t, int phase, double inputPerSecond, double committedPerSecond,
            double deliveredPerSecond, Percentiles all, Percentiles tick, long processorLag,
            Map<String, Double> rssMb, Map<String, Double> heapMb, Map<String, Double> cpuPercent,
            double machineCpuPercent, Percentiles gateway, Percentiles tickFromSchedule, Percentiles kafka,
            Long kafkaLost, Long simulatorLagMillis, Map<String, Double> jitCpuPercent) {
    }

    /**
     * The gateway's share of the latency interval by interval: its p99 in the median 5 s and the worst, and in how
     * many intervals it stayed within {@code limitMillis}: whether a whole run's p99 is every moment's or the
     * bursts'. Empty for runs without it.
     */
    public static String gatewayByInterval(RunResult run, double limitMillis) {
        return overIntervals(run.timeline().stream().map(TimelinePoint::gateway)
                .filter(p -> p != null && p.count() > 0).map(Percentiles::p99), p99 -> p99 <= limitMillis,
                "p99 of each 5 s: median %.1f ms, worst %.1f ms; within "
                        + String.format(Locale.ROOT, "%.0f", limitMillis) + " ms in %d of %d intervals");
    }

    /**
     * The tick p99 against Kafka's own p99 interval by interval (5 s in which both have figures): the median and the
     * worst multiple, and in how many intervals it held {@code aim} — whether the run's ratio is every moment's or a
     * few intervals'. Empty for runs without the in-process probe.
     */
    public static String tickOverKafkaByInterval(RunResult run, Rules.Threshold aim) {
        return overIntervals(run.timeline().stream()
                .filter(p -> p.tick() != null && p.tick().count() > 0 && p.kafka() != null && p.kafka().count() > 0)
                .map(p -> p.tick().p99() / Math.max(p.kafka().p99(), 0.001)), aim::holds,
                "tick p99 over Kafka's p99 in each 5 s: median %.1f×, worst %.1f×; " + aim.text()
                        + " in %d of %d intervals");
    }

    /**
     * One figure over a run's 5 s intervals: {@code format} gets its median, its worst, in how many intervals it
     * {@code held}, and of how many; empty when no interval has the figure.
     */
    private static String overIntervals(Stream<Double> figures, DoublePredicate held, String format) {
        List<Double> sorted = figures.sorted().toList();
        if (sorted.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, format, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                sorted.stream().filter(held::test).count(), sorted.size());
    }

    /**
     * One phase of the input (a ramp step), judged by the input accepted in it.
     *
     * @param good tick p99 within the limit and nothing lost or repeated
     */
    public record Step(int index, double multiplier, double seconds, double nominalPerMinute, double achievedPerMinute,
            Percentiles all, Percentiles tick, long expected, long lost, long duplicated, boolean good, String note) {
    }
}
