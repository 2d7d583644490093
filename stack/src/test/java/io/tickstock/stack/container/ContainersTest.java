package io.tickstock.stack.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainersTest {

    private static final String ID = "4f1c0e0f9d0a3b6c";
    private static final String KERNEL_LOG = """
            [ 812.1] java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0
            [ 812.2] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,\
            oom_memcg=/machine.slice/libpod-%s,task_memcg=/machine.slice/libpod-%s,task=java,pid=4242,uid=185
            [ 812.3] Memory cgroup out of memory: Killed process 4242 (java)
            """.formatted(ID, ID);

    @Test
    void theKernelsOomKillLineNamingTheContainersCgroupIsAnOomKill() {
        assertThat(Containers.oomKillNames(KERNEL_LOG, ID)).isTrue();
    }

    @Test
    void anotherContainersOomKillOrAMentionWithoutTheKillIsNot() {
        assertThat(Containers.oomKillNames(KERNEL_LOG, "0000aaaa")).isFalse();
        assertThat(Containers.oomKillNames("[1.0] libpod-" + ID + " started", ID)).isFalse();
    }

    @Test
    void containersAreNamedPrefixComponent() {
        assertThat(Containers.of("tickstock-it", java.nio.file.Path.of("/stack")).nameOf("gateway-2"))
                .isEqualTo("tickstock-it-gateway-2");
    }
}
