package io.tickstock.stack.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRunTest {

    @Test
    void aComponentRunsOnTheHostNetworkUnderItsLimitsWithItsLogInTheStackAndTheLabelOfItsHome() {
        ContainerRun run = new ContainerRun("tickstock-it-processor-2", "tickstock/channel-processor:0.1.0",
                Path.of("/stack"), Path.of("/stack/logs/processor-2.log"), List.of("--memory", "1280m"),
                List.of("-v", "/stack/processor-state-2:/stack/processor-state-2"),
                Map.of("QUARKUS_PROFILE", "local", "JAVA_MAX_MEM_RATIO", "30"));

        assertThat(run.arguments()).containsExactly("run", "-d", "--name", "tickstock-it-processor-2", "--label",
                "io.tickstock.home=/stack", "--network=host", "--ulimit", "nofile=1024:1024", "--ulimit",
                "nproc=1024:1024", "--memory", "1280m", "--log-driver", "k8s-file", "--log-opt",
                "path=/stack/logs/processor-2.log", "-v", "/stack/processor-state-2:/stack/processor-state-2",
                "-e", "JAVA_MAX_MEM_RATIO=30", "-e", "QUARKUS_PROFILE=local", "tickstock/channel-processor:0.1.0");
    }

    @Test
    void podmanRunsWithTheFlagsThisKindOfMachineAccepts() {
        assertThat(Podman.command()).containsExactly("podman", "--cgroup-manager=cgroupfs", "--runtime", "runc");
    }

    @Test
    void imagesAreTaggedWithTheProjectVersionWithoutSnapshot() {
        Path root = Path.of(System.getProperty("tickstock.root", ".."));
        assertThat(Images.kafka(root)).matches("tickstock/kafka:[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(Images.of(io.tickstock.stack.layout.Service.GATEWAY, root)).startsWith("tickstock/ws-gateway:")
                .doesNotEndWith("-SNAPSHOT");
    }
}
