package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerMemoryTest {

    private static final String PODMAN = "/libpod_parent/libpod-3817484e7b626288399a53c7451f930d57baed9e26b185a3ab74ec68b7";

    @Test
    void findsTheMemoryControllersCgroupOfCgroupV1() {
        List<String> lines = List.of("9:name=systemd:/x", "5:devices:" + PODMAN, "4:memory:" + PODMAN + "-mem",
                "2:cpu,cpuacct:/y", "0::/unified");

        assertThat(ContainerMemory.memoryCgroup(lines)).contains(PODMAN + "-mem");
    }

    @Test
    void findsTheUnifiedCgroupOfCgroupV2() {
        assertThat(ContainerMemory.memoryCgroup(List.of("0::/kubepods/pod1/container2")))
                .contains("/kubepods/pod1/container2");
        assertThat(ContainerMemory.memoryCgroup(List.of("3:cpuset:/"))).isEmpty();
    }

    @Test
    void theKernelLogNamesTheCgroupWhoseLimitWasHit() {
        List<String> log = List.of(
                "[57645.60] java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
                "[57645.61] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=libpod-1,mems_allowed=0,"
                        + "oom_memcg=" + PODMAN + ",task_memcg=" + PODMAN + ",task=java,pid=11212,uid=185",
                "[57645.62] Memory cgroup out of memory: Killed process 11212 (java)",
                "[60000.00] oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/other");

        assertThat(ContainerMemory.oomKilledCgroups(log)).containsExactlyInAnyOrder(PODMAN, "/other");
        assertThat(ContainerMemory.oomKilledCgroups(List.of("[1.0] Out of memory: Killed process 5 (java)")))
                .as("a kill by the machine's own OOM killer names no container's cgroup").isEmpty();
    }

    @Test
    void aProcessInTheHarnesssOwnCgroupIsNotInAContainer() {
        assertThat(ContainerMemory.read(ProcessHandle.current().pid())).isEmpty();
        assertThat(ContainerMemory.read(Long.MAX_VALUE)).as("gone").isEmpty();
    }

    @Test
    void aComponentKilledAtItsLimitIsAFailure() {
        Map<String, ResourceSampler.Summary> resources = Map.of(
                "processor", new ResourceSampler.Summary(500, 400, 90, 40, 5.0,
                        new ContainerMemory.Summary(512, 512, true)),
                "gateway", new ResourceSampler.Summary(300, 250, 90, 40, 5.0,
                        new ContainerMemory.Summary(512, 330, false)),
                "harness", new ResourceSampler.Summary(300, 250, 90, 40, 5.0, null));

        assertThat(ResourceSampler.killedAtLimit(resources)).containsExactly(
                "processor was killed by the kernel at its container memory limit (512 MB; its cgroup peaked at 512 MB)");
    }
}
