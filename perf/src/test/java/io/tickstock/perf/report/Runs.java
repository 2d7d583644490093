package io.tickstock.perf.report;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.measure.KafkaProbe;
import io.tickstock.perf.measure.MachineInfo;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.measure.ContainerMemory;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.measure.SimulatorLag;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.result.RunRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run results for report tests: a plausible run, with the figures a test is about set explicitly. */
final class Runs {

    static final long START = 1_795_796_640_000L;

    String scenario = "market_open_surge";
    long startedAt = START;
    String verdict = RunResult.PASSED;
    List<String> failures = new ArrayList<>();
    Map<String, Percentiles> latency = new LinkedHashMap<>(Map.of("all", p(30), "tick", p(30)));
    RunResult.Baseline baseline = RunResult.Baseline.measured(kafka(4), p(30),
            new SimulatorLag.Summary(300, 0, 2, 5, 12));
    List<BarBursts.Burst> bursts = new ArrayList<>();
    List<RunResult.GroupResult> groups = new ArrayList<>(List.of(group("all", 1, 1, 30)));
    List<RunResult.ClientResult> clients = new ArrayList<>();
    List<RunResult.Check> checks = new ArrayList<>(List.of(new RunResult.Check("processor duplicates (tick) = "
            + "injected T+A duplicates", "10", "10", true, "…")));
    Map<String, Long> duplicates = new LinkedHashMap<>(Map.of("T", 10L));
    List<RunResult.Step> steps = new ArrayList<>();
    List<RunResult.PhaseConfig> phases = new ArrayList<>(List.of(new RunResult.PhaseConfig(1, 300)));
    double rssPeak = 900;
    /** The processor's container, when the run had it in one. */
    ContainerMemory.Summary container;
    Map<String, Long> gateway = new LinkedHashMap<>(Map.of("sent", 100L));
    long repeatedIds;
    String stack = "a fresh stack started for this run (injected duplicates 0.05)";
    String arguments = "";
    double p99Limit = 50;
    double warmupSeconds = 15;
    RunRules rules;

    /** A group of {@code clients}, {@code intact} of them, whose worst per-client p99 was {@code worstP99}. */
    static RunResult.GroupResult group(String name, int clients, int intact, double worstP99) {
        return new RunResult.GroupResult(name, clients, "high.*", false, intact, 100, clients - intact, 0, 0,
                worstP99 / 2, worstP99, worstP99 * 2, p(3), new RunResult.GroupBursts(5, 5, 400, 900, 100L, 300L));
    }

    /** The Kafka probe over a run whose p99 was {@code p99}. */
    static KafkaProbe.Summary kafka(double p99) {
        return new KafkaProbe.Summary(KafkaProbe.TOPIC, 50, 320, 6_400, 6_400, 0, 0, p(p99), 3.2, 1.0,
                List.of("perf-kafka-probe-send"));
    }

    static Percentiles p(double p99) {
        return new Percentiles(1_000, p99 / 2, p99 * 0.8, p99, p99 * 1.2, p99 * 1.5, p99 / 2);
    }

    /** The runs as they lie in a scenario's record, in the order given (oldest first). */
    static List<Recorded<RunResult>> recorded(RunResult... runs) {
        return Arrays.stream(runs).map(r -> new Recorded<>(Path.of(r.scenario() + "-" + r.startedAtMillis() + ".json"),
                Recorded.SCENARIO_RECORD, r)).toList();
    }

    static RunResult.Step step(int index, double multiplier, boolean good) {
        return new RunResult.Step(index, multiplier, 60, 50_000 * multiplier, 52_000 * multiplier, p(20),
                p(good ? 20 : 80), 100, 0, 0, good, good ? "" : "p99 80.0 ms > 50 ms");
    }

    RunResult build() {
        List<RunResult.TimelinePoint> timeline = List.of(
                new RunResult.TimelinePoint(5, 0, 800, 10, 30, p(25), p(25), 12, Map.of("processor", 300.0),
                        Map.of("processor", 120.0), Map.of("processor", 40.0), 120, p(4), p(26), p(3), 0L, 0L,
                        Map.of("processor", 20.0)),
                new RunResult.TimelinePoint(10, steps.size() > 1 ? 1 : 0, 900, 12, 36, p(35), p(35), 20,
                        Map.of("processor", 310.0), Map.of("processor", 125.0), Map.of("processor", 45.0), 130, p(30),
                        p(36), p(5), 0L, 3L, Map.of("processor", 2.0)));
        return new RunResult(scenario, java.time.Instant.ofEpochMilli(startedAt).toString(), startedAt, 320, verdict,
                failures, List.of(), new RunResult.Configuration("market_open_surge", phases,
                        List.of(new RunResult.ClientConfig("all", 1, "*.*", false)), p99Limit, warmupSeconds,
                        stack, "ws://127.0.0.1:8080/ws/v1", "http://127.0.0.1:8081", "127.0.0.1:9092",
                        ("./tickstock perf " + scenario + " " + arguments).strip()),
                new MachineInfo("host", 2, 23.5, "cpu", "Linux", "java 17", new double[] {0.8, 0.9, 1.0},
                        new double[] {1.5, 1.1, 1.0}),
                new RunResult.Input(Map.of("T", 100L), duplicates, 100, 50_000, 50_000,
                        Map.of("tickstock.raw.tick", 100L), Map.of("all", 100L)),
                latency, baseline, bursts, clients, groups, new RunResult.TopicIntegrity(100, 0, repeatedIds, 0),
                checks, Map.of("processor", new ResourceSampler.Summary(310, 305, 90, 45, 12.0, container)), rssPeak,
                gateway, timeline, steps.isEmpty() ? List.of(step(1, 1, true)) : steps, rules);
    }
}
