package io.tickstock.perf.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a component is allowed and has used when it runs in a container (podman here, a pod in Kubernetes): the
 * limit and the high-water mark of its memory cgroup, which is what the kernel compares to kill it, page cache
 * included. A process in the harness's own cgroup, or in one without a limit, is not in a container. Reads cgroup v1
 * ({@code memory.limit_in_bytes}, {@code memory.max_usage_in_bytes}) and v2 ({@code memory.max},
 * {@code memory.peak}).
 *
 * <p>Whether the limit killed a container is asked of the kernel's log after the run: its cgroup is gone once the
 * container ended, and podman 4.3 on cgroup v1 reports {@code OOMKilled=false} for a container the kernel killed.
 */
public final class ContainerMemory {

    /** Anything at or above this is "no limit" (cgroup v1 writes PAGE_COUNTER_MAX pages as bytes, ~2^63). */
    private static final long UNLIMITED = 1L << 60;
    private static final Pattern OOM_CGROUP = Pattern.compile("oom-kill:.*?oom_memcg=(\\S+?)(?:,|$)");

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    // constant for the run: read once, not for every component at every sample
    private static final boolean CGROUP_V1 = Files.isDirectory(ROOT.resolve("memory"));
    private static final Optional<String> OWN_CGROUP = memoryCgroup(ProcessHandle.current().pid());

    /** A component's memory cgroup at one moment. */
    public record Reading(String cgroup, long limitBytes, long peakBytes) {
    }

    /** A component over a run: the limit, its cgroup's highest usage under it, and whether the limit killed it. */
    public record Summary(double limitMb, double peakMb, boolean oomKilled) {
    }

    private ContainerMemory() {
    }

    /** The memory cgroup of {@code pid} if it is a container's (limited, not the harness's own). */
    public static Optional<Reading> read(long pid) {
        Optional<String> cgroup = memoryCgroup(pid);
        if (cgroup.isEmpty() || cgroup.equals(OWN_CGROUP)) {
            return Optional.empty();
        }
        Path dir = CGROUP_V1 ? ROOT.resolve("memory" + cgroup.get()) : ROOT.resolve(cgroup.get().substring(1));
        long limit = bytes(dir.resolve(CGROUP_V1 ? "memory.limit_in_bytes" : "memory.max"));
        long peak = bytes(dir.resolve(CGROUP_V1 ? "memory.max_usage_in_bytes" : "memory.peak"));
        if (limit <= 0 || limit >= UNLIMITED) {
            return Optional.empty();
        }
        return Optional.of(new Reading(cgroup.get(), limit, Math.max(peak, 0)));
    }

    private static Optional<String> memoryCgroup(long pid) {
        try {
            return memoryCgroup(Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or not Linux
        }
    }

    /**
     * The memory cgroup in {@code /proc/PID/cgroup}: the {@code memory} controller's line of cgroup v1, else the
     * unified {@code 0::} line of v2.
     */
    static Optional<String> memoryCgroup(List<String> lines) {
        Optional<String> v1 = lines.stream().map(l -> l.split(":", 3)).filter(f -> f.length == 3)
                .filter(f -> List.of(f[1].split(",")).contains("memory")).map(f -> f[2]).findFirst();
        return v1.isPresent() ? v1 : lines.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3))
                .findFirst();
    }

    /** A cgroup file's number of bytes; "max" (v2's no limit) is Long.MAX_VALUE, a missing file -1. */
    private static long bytes(Path file) {
        try {
            String value = Files.readString(file).trim();
            return value.equals("max") ? Long.MAX_VALUE : Long.parseLong(value);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The cgroups the kernel's OOM killer acted in, from its log ({@code dmesg}); empty where it cannot be read. */
    public static Set<String> oomKilledCgroups() {
        try {
            Process dmesg = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            String log = new String(dmesg.getInputStream().readAllBytes());
            dmesg.waitFor(10, TimeUnit.SECONDS);
            return oomKilledCgroups(log.lines().toList());
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /**
     * The {@code oom_memcg} of every {@code oom-kill:} line: the cgroup whose limit was hit (the kernel writes
     * {@code oom-kill:constraint=CONSTRAINT_MEMCG,...,oom_memcg=/libpod_parent/libpod-ID,task_memcg=...}).
     */
    static Set<String> oomKilledCgroups(List<String> kernelLog) {
        Set<String> cgroups = new HashSet<>();
        for (String line : kernelLog) {
            Matcher m = OOM_CGROUP.matcher(line);
            if (m.find()) {
                cgroups.add(m.group(1));
            }
        }
        return cgroups;
    }
}
