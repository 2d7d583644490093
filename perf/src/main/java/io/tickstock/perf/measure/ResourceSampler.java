package io.tickstock.perf.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resident memory and CPU of each component (services, broker, the harness itself), read from {@code /proc} once a
 * second through the run: {@code VmRSS} of {@code /proc/PID/status}, and user + system time of
 * {@code /proc/PID/stat} (in clock ticks of 1/100 s, Linux's USER_HZ on every common platform). CPU is a percentage
 * of one core, so two busy cores read 200 %. Of that CPU, the share of the JVM's JIT compiler threads
 * ({@code /proc/PID/task/TID/stat} of the threads named {@code C1/C2 CompilerThre…}): on a fresh stack the compilers
 * of five JVMs took most of two cores for the first minute of load (docs/architecture.md "Cold start"). A component
 * in a container also has its memory cgroup's limit and high-water mark followed ({@link ContainerMemory}).
 */
public final class ResourceSampler {

    private static final double TICKS_PER_SECOND = 100;
    private static final double MB = 1024 * 1024;

    /** One component at one moment; {@code jitCpuPercent} is part of {@code cpuPercent}. */
    public record Usage(double rssMb, double cpuPercent, double jitCpuPercent) {
    }

    /** All components at one moment, with the machine's load. */
    public record Sample(long atMillis, Map<String, Usage> components, double machineCpuPercent, double load1) {
    }

    /**
     * Peak and average over a run; the JIT's average is part of the CPU's (null in results from before it was kept).
     * {@code container}: the memory limit it ran under, null for a process (and in results from before containers).
     */
    public record Summary(double rssPeakMb, double rssAvgMb, double cpuPeakPercent, double cpuAvgPercent,
            Double jitCpuAvgPercent, ContainerMemory.Summary container) {

        /** "; container limit L MB, cgroup peak P MB[, KILLED at the limit]" in a container, else "". */
        public String containerNote() {
            return container == null ? "" : String.format(Locale.ROOT, "; container limit %.0f MB, cgroup peak %.0f MB%s",
                    container.limitMb(), container.peakMb(), container.oomKilled() ? ", KILLED at the limit" : "");
        }
    }

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, long[]> lastTicks = new LinkedHashMap<>();
    private final Map<String, Long> lastJitTicks = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    /** Per component, every container cgroup it ran in (a restarted container is a new one) and its last reading. */
    private final Map<String, Map<String, ContainerMemory.Reading>> containers = new LinkedHashMap<>();
    private long lastAt;
    private long[] lastMachine;

    public ResourceSampler(Map<String, Long> components) {
        pids.putAll(components);
    }

    /** Samples {@code name} from now on (a process started during the run). */
    public void watch(String name, long pid) {
        pids.put(name, pid);
    }

    public void forget(String name) {
        pids.remove(name);
    }

    /** Takes one sample; the first one only sets the CPU baseline. */
    public synchronized Sample sample() {
        long now = System.currentTimeMillis();
        double seconds = lastAt == 0 ? 0 : (now - lastAt) / 1000.0;
        Map<String, Usage> components = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(pid);
            double rss = rssMb(pid);
            if (ticks < 0 || rss < 0) {
                return; // gone
            }
            long jitTicks = jitTicks(pid);
            long[] last = lastTicks.get(name);
            boolean continued = last != null && last[0] == pid && seconds > 0;
            double cpu = continued ? percent(ticks - last[1], seconds) : 0;
            double jit = continued ? percent(jitTicks - lastJitTicks.getOrDefault(name, jitTicks), seconds) : 0;
            lastTicks.put(name, new long[] {pid, ticks});
            lastJitTicks.put(name, jitTicks);
            ContainerMemory.read(pid).ifPresent(reading -> containers.computeIfAbsent(name,
                    n -> new LinkedHashMap<>()).put(reading.cgroup(), reading));
            components.put(name, new Usage(round(rss), round(cpu), round(Math.min(jit, cpu))));
        });
        long[] machine = machineTicks();
        double machineCpu = 0;
        if (lastMachine != null && machine != null && machine[0] > lastMachine[0]) {
            machineCpu = 100.0 * (machine[1] - lastMachine[1]) / (machine[0] - lastMachine[0]);
        }
        lastMachine = machine;
        lastAt = now;
        Sample sample = new Sample(now, components, round(machineCpu), load1());
        if (seconds > 0) {
            samples.add(sample);
        }
        return sample;
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Peak and average per component over the samples taken; for a component in a container, its limit, the peak
     * of its cgroup and whether the kernel killed it at the limit (read from the kernel's log now).
     */
    public synchronized Map<String, Summary> summaries() {
        Set<String> oomKilled = containers.isEmpty() ? Set.of() : ContainerMemory.oomKilledCgroups();
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (String name : namesInOrder()) {
            double peakRss = 0;
            double sumRss = 0;
            double peakCpu = 0;
            double sumCpu = 0;
            double sumJit = 0;
            int n = 0;
            for (Sample sample : samples) {
                Usage usage = sample.components().get(name);
                if (usage != null) {
                    peakRss = Math.max(peakRss, usage.rssMb());
                    sumRss += usage.rssMb();
                    peakCpu = Math.max(peakCpu, usage.cpuPercent());
                    sumCpu += usage.cpuPercent();
                    sumJit += usage.jitCpuPercent();
                    n++;
                }
            }
            if (n > 0) {
                summaries.put(name, new Summary(peakRss, round(sumRss / n), peakCpu, round(sumCpu / n), round(sumJit / n),
                        container(name, oomKilled)));
            }
        }
        return summaries;
    }

    private ContainerMemory.Summary container(String name, Set<String> oomKilled) {
        Map<String, ContainerMemory.Reading> cgroups = containers.get(name);
        if (cgroups == null) {
            return null;
        }
        long limit = cgroups.values().stream().mapToLong(ContainerMemory.Reading::limitBytes).max().orElse(0);
        long peak = cgroups.values().stream().mapToLong(ContainerMemory.Reading::peakBytes).max().orElse(0);
        return new ContainerMemory.Summary(round(limit / MB), round(peak / MB),
                cgroups.keySet().stream().anyMatch(oomKilled::contains));
    }

    /** A failure for every component whose container the kernel killed at its memory limit. */
    public static List<String> killedAtLimit(Map<String, Summary> summaries) {
        List<String> failures = new ArrayList<>();
        summaries.forEach((name, summary) -> {
            if (summary.container() != null && summary.container().oomKilled()) {
                failures.add(String.format(Locale.ROOT, "%s was killed by the kernel at its container memory "
                        + "limit (%.0f MB; its cgroup peaked at %.0f MB)", name, summary.container().limitMb(),
                        summary.container().peakMb()));
            }
        });
        return failures;
    }

    /** The highest sum of the named components' RSS at any one moment. */
    public synchronized double peakSumMb(List<String> names) {
        double peak = 0;
        for (Sample sample : samples) {
            double sum = 0;
            for (String name : names) {
                Usage usage = sample.components().get(name);
                sum += usage == null ? 0 : usage.rssMb();
            }
            peak = Math.max(peak, sum);
        }
        return round(peak);
    }

    private List<String> namesInOrder() {
        List<String> names = new ArrayList<>();
        for (Sample sample : samples) {
            for (String name : sample.components().keySet()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** utime + stime of a process in clock ticks; -1 when it is gone. */
    static long cpuTicks(long pid) {
        try {
            return busyTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime + stime of the process's JIT compiler threads in clock ticks; 0 for a process that has none (not a
     * HotSpot JVM) or is gone. A compiler thread that ended took its ticks with it: the sampler sees CPU a compiler
     * used while it lived.
     */
    static long jitTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                ticks += compilerTicks(thread.resolve("stat"));
            }
        } catch (IOException | RuntimeException e) {
            return ticks;
        }
        return ticks;
    }

    private static long compilerTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            return busyTicks(line);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended between listing and reading
        }
    }

    /** utime + stime of a {@code stat} line: the name (field 2) may hold spaces, so fields count after its ')'. */
    private static long busyTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double percent(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds * 100;
    }

    /** Resident set size in MB; -1 when the process is gone. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's {total, busy} jiffies from the first line of /proc/stat, or null off Linux. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
            return new long[] {total, total - idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The one-minute load average; -1 off Linux. */
    public static double load1() {
        return loadAverages()[0];
    }

    /** The 1, 5 and 15 minute load averages; -1 each off Linux. */
    public static double[] loadAverages() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(load[0]), Double.parseDouble(load[1]), Double.parseDouble(load[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
