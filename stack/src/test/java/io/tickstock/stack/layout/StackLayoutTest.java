package io.tickstock.stack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackLayoutTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void theHomeIsDotTickstockOfTheRepositoryUnlessMoved() {
        assertThat(StackLayout.fromEnvironment(ROOT, Map.of()).home().dir()).isEqualTo(Path.of("/repo/.tickstock"));
        assertThat(StackLayout.fromEnvironment(ROOT, Map.of("TICKSTOCK_HOME", "/tmp/elsewhere/../stack")).home().dir())
                .isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void theHomeHoldsOneLogAndOnePidFilePerComponentAndAStateDirectoryPerProcessor() {
        StackHome home = StackLayout.fromEnvironment(ROOT, Map.of()).home();

        assertThat(home.log("gateway-2")).isEqualTo(Path.of("/repo/.tickstock/logs/gateway-2.log"));
        assertThat(home.pids()).isEqualTo(Path.of("/repo/.tickstock/pids"));
        assertThat(home.kafkaLibs()).isEqualTo(Path.of("/repo/.tickstock/kafka/libs"));
        assertThat(home.kafkaData()).isEqualTo(Path.of("/repo/.tickstock/kafka/data"));
        assertThat(home.processorState(Instance.first(Service.PROCESSOR)))
                .isEqualTo(Path.of("/repo/.tickstock/processor-state"));
        assertThat(home.processorState(new Instance(Service.PROCESSOR, 3)))
                .isEqualTo(Path.of("/repo/.tickstock/processor-state-3"));
    }

    @Test
    void theBrokerThePartitionsAndTheContainerNamesComeFromTheEnvironment() {
        StackLayout layout = StackLayout.fromEnvironment(ROOT, Map.of("TICKSTOCK_KAFKA_PORT", "19092",
                "TICKSTOCK_PARTITIONS", "3", "TICKSTOCK_CONTAINER_PREFIX", "tickstock-it"));

        assertThat(layout.bootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(layout.partitions()).isEqualTo(3);
        assertThat(layout.containerPrefix()).isEqualTo("tickstock-it");
        assertThat(StackLayout.fromEnvironment(ROOT, Map.of()).containerPrefix()).isEqualTo("tickstock");
        assertThat(StackLayout.fromEnvironment(ROOT, Map.of()).partitions()).isEqualTo(2);
    }

    @Test
    void aRunsOwnHomeKeepsThePortsAndTheEnvironment() {
        StackLayout layout = StackLayout.fromEnvironment(ROOT, Map.of("TICKSTOCK_KAFKA_PORT", "19092", "X", "y"));

        StackLayout run = layout.inHome(Path.of("/tmp/run"));

        assertThat(run.home().dir()).isEqualTo(Path.of("/tmp/run"));
        assertThat(run.bootstrap()).isEqualTo(layout.bootstrap());
        assertThat(run.env("X")).isEqualTo("y");
    }
}
