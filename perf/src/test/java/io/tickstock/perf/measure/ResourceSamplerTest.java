package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSamplerTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsMemoryAndCpuOfALiveProcessFromProc() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux /proc");
        ResourceSampler sampler = new ResourceSampler(Map.of("me", SELF));
        sampler.sample();
        long busyUntil = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < busyUntil) {
            sink += Math.sqrt(sink + 1);
        }
        ResourceSampler.Sample sample = sampler.sample();

        assertThat(sink).isPositive();
        ResourceSampler.Usage me = sample.components().get("me");
        assertThat(me.rssMb()).isPositive();
        assertThat(me.cpuPercent()).as("a busy third of a second shows").isPositive();
        ResourceSampler.Summary summary = sampler.summaries().get("me");
        assertThat(summary.rssPeakMb()).isEqualTo(me.rssMb());
        assertThat(summary.cpuAvgPercent()).isEqualTo(me.cpuPercent());
        assertThat(me.jitCpuPercent()).as("the compilers' share of the CPU").isBetween(0.0, me.cpuPercent());
        assertThat(summary.jitCpuAvgPercent()).isEqualTo(me.jitCpuPercent());
        assertThat(sampler.peakSumMb(List.of("me", "absent"))).isEqualTo(me.rssMb());
    }

    @Test
    void countsTheCpuOfThisJvmsCompilerThreads() {
        assumeTrue(Files.exists(Path.of("/proc/self/task")), "needs Linux /proc");

        long jit = ResourceSampler.jitTicks(SELF);

        assertThat(jit).as("a JVM that ran tests compiled something").isPositive()
                .isLessThanOrEqualTo(ResourceSampler.cpuTicks(SELF));
        assertThat(ResourceSampler.jitTicks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void aProcessThatIsGoneIsLeftOut() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux /proc");
        ResourceSampler sampler = new ResourceSampler(Map.of("gone", Long.MAX_VALUE));
        sampler.sample();

        assertThat(sampler.sample().components()).doesNotContainKey("gone");
        assertThat(ResourceSampler.cpuTicks(Long.MAX_VALUE)).isNegative();
        assertThat(ResourceSampler.rssMb(Long.MAX_VALUE)).isNegative();
    }

    @Test
    void aProcessWatchedLaterIsSampledFromThen() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux /proc");
        ResourceSampler sampler = new ResourceSampler(Map.of());
        sampler.sample();
        sampler.watch("late", SELF);

        assertThat(sampler.sample().components()).containsKey("late");
        sampler.forget("late");
        assertThat(sampler.sample().components()).doesNotContainKey("late");
    }
}
