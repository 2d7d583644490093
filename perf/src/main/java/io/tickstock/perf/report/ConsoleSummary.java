package io.tickstock.perf.report;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.measure.KafkaProbe;
import io.tickstock.perf.measure.Percentiles;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.measure.SimulatorLag;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The end of a run on the console: the verdict, then one line per kind of figure. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    public static void print(RunResult r, PrintStream out) {
        out.printf("%n==> %s: %s in %.0f s, input %.0f s (load average before %.2f, after %.2f)%n", r.scenario(),
                r.verdict(), r.seconds(), r.inputSeconds(), r.machine().loadBefore()[0], r.machine().loadAfter()[0]);
        RunResult.Input in = r.input();
        out.printf("    input      %,d messages, %,.0f/min (nominal %,.0f/min), %,d injected duplicates%n",
                in.total(), in.perMinute(), in.nominalPerMinute(),
                in.duplicates().values().stream().mapToLong(Long::longValue).sum());
        out.printf("    events     %,d committed %s%n", in.events().getOrDefault("all", 0L), in.events());
        r.latency().forEach((key, p) -> out.printf("    latency    %-5s %s%n", key, line(p)));
        RunResult.Baseline baseline = r.baseline();
        if (baseline != null && baseline.kafka() != null) {
            KafkaProbe.Summary k = baseline.kafka();
            out.printf("    kafka      probe %s; %,d sent, %,d lost; its CPU %.1f%% of a core; our tick p99 is %s "
                    + "Kafka's%n", line(k.latency()), k.sent(), k.lost(), k.cpuPercent(),
                    baseline.tickP99OverKafkaP99() == null ? "not comparable to"
                            : String.format("%.1fx", baseline.tickP99OverKafkaP99()));
        }
        if (baseline != null && baseline.simulatorLag() != null) {
            SimulatorLag.Summary lag = baseline.simulatorLag();
            out.printf("    simulator  behind its schedule: p99 %.0f ms, max %,d ms (sampled each second: max %,d ms)%n",
                    lag.p99Millis(), lag.maxMillis(), lag.maxSampledMillis());
        }
        List<BarBursts.Burst> bursts = r.bursts();
        if (!bursts.isEmpty()) {
            out.printf("    bursts     %d minute bursts of %,d bars, last bar ingested -> last event at a client: %s%n",
                    bursts.size(), bursts.get(0).bars(), burstLine(bursts));
        }
        for (RunResult.GroupResult g : r.groups()) {
            out.printf("    clients    %-10s x%-5d %,d owed, %,d lost, %,d duplicated, %,d unexpected; %d intact;"
                    + " p99 median %.1f ms, worst %.1f ms%n", g.name(), g.clients(), g.expected(), g.lost(),
                    g.duplicated(), g.unexpected(), g.intact(), g.p50OfP99(), g.maxOfP99());
            if (g.gateway() != null && g.gateway().count() > 0) {
                out.printf("    gateway    %-10s its read -> the client's: %s%s%n", g.name(), line(g.gateway()),
                        g.bursts() == null || g.bursts().worstFanout() < 0 ? ""
                                : String.format("; bursts %d of %d whole, fan-out worst %,d ms", g.bursts().delivered(),
                                        g.bursts().bursts(), g.bursts().worstFanout()));
            }
        }
        String byInterval = RunResult.gatewayByInterval(r, Rules.GATEWAY_ADDED_P99_MUST.limit());
        if (!byInterval.isEmpty()) {
            out.printf("    gateway    every client, its read -> the client's, %s%n", byInterval);
        }
        r.clients().stream().filter(c -> c.stalls() && c.closedAfterMillis() != null).forEach(c -> out.printf(
                "    stalled    %s: connection gone %.1f s after it stopped reading%n", c.name(),
                c.closedAfterMillis() / 1000.0));
        if (r.deliveriesPerGatewayCpuSecond() > 0) {
            out.printf("    gateway    %,d deliveries in %,.1f s of its own CPU: %,.0f per CPU-second%n",
                    r.gateway().get("sent"), r.gateway().get("cpuMillis") / 1000.0, r.deliveriesPerGatewayCpuSecond());
            String detail = RunResult.deliveryCostDetail(r);
            if (!detail.isEmpty()) {
                out.printf("    gateway    %s%n", detail);
            }
        }
        for (Map.Entry<String, ResourceSampler.Summary> e : r.resources().entrySet()) {
            ResourceSampler.Summary s = e.getValue();
            out.printf("    resources  %-11s RSS peak %6.0f MB avg %6.0f MB   CPU peak %5.0f%% avg %5.0f%%%s%s%n",
                    e.getKey(), s.rssPeakMb(), s.rssAvgMb(), s.cpuPeakPercent(), s.cpuAvgPercent(),
                    s.jitCpuAvgPercent() == null ? "" : String.format(" (JIT %.0f%%)", s.jitCpuAvgPercent()),
                    s.containerNote());
        }
        out.printf("    resources  three services together: RSS peak %.0f MB%n", r.servicesRssPeakMb());
        long held = r.reconciliation().stream().filter(RunResult.Check::ok).count();
        out.printf("    checks     %d of %d reconciliations hold; topic: %,d events of the run, %d ids twice%n",
                held, r.reconciliation().size(), r.topic().committedInRun(), r.topic().repeatedIds());
        if (r.configuration().phases().size() > 1) {
            out.printf("    steps      %d of %d planned ran, %.0f s of input%n", r.steps().size(),
                    r.configuration().phases().size(), r.inputSeconds());
            for (RunResult.Step s : r.steps()) {
                out.printf("    step %-2d    x%-4s %,9.0f/min  tick p99 %7.1f ms  lost %d  dup %d  %s%n", s.index(),
                        s.multiplier(), s.achievedPerMinute(), s.tick().p99(), s.lost(), s.duplicated(),
                        s.good() ? "good" : "BAD " + s.note());
            }
        }
        r.notes().forEach(n -> out.println("    note       " + n));
        List<String> differences = Rules.differences(r.judgedBy());
        if (!differences.isEmpty()) {
            out.println("    rules      ran with non-default settings: " + String.join("; ", differences));
        }
        List<String> unknown = Rules.unknown(r.judgedBy());
        if (!unknown.isEmpty()) {
            out.println("    rules      not recorded: " + String.join("; ", unknown));
        }
        r.failures().forEach(f -> out.println("    FAILED     " + f));
    }

    static String line(Percentiles p) {
        return String.format("p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f ms  (%,d events)", p.p50(), p.p90(),
                p.p99(), p.p999(), p.max(), p.count());
    }

    static String burstLine(List<BarBursts.Burst> bursts) {
        List<Long> done = bursts.stream().map(BarBursts.Burst::latencyMillis).filter(l -> l >= 0).sorted().toList();
        if (done.isEmpty()) {
            return "no burst had all its events delivered";
        }
        return String.format("median %,d ms, worst %,d ms (%d of %d bursts complete)", done.get(done.size() / 2),
                done.get(done.size() - 1), done.size(), bursts.size());
    }
}
