package io.tickstock.perf.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChaosScenarioTest {

    private static Map<String, Long> counted(List<Fault> faults) {
        return faults.stream().collect(Collectors.groupingBy(Fault::toString, Collectors.counting()));
    }

    @Test
    void killSpreadsItsKillsEvenlyOverTheThreeServicesInARandomOrder() {
        List<Fault> faults = ChaosScenario.KILL.faults(new Random(1), 21);

        assertThat(faults).hasSize(21).allMatch(f -> f.kind() == Fault.Kind.KILL);
        assertThat(counted(faults)).containsOnly(Map.entry("kill -9 processor", 7L), Map.entry("kill -9 ingest", 7L),
                Map.entry("kill -9 gateway", 7L));
        assertThat(faults).isNotEqualTo(ChaosScenario.KILL.faults(new Random(2), 21));
        assertThat(faults).isEqualTo(ChaosScenario.KILL.faults(new Random(1), 21));
    }

    @Test
    void killsAreRoundedUpSoEveryServiceIsHitAsOften() {
        assertThat(counted(ChaosScenario.KILL.faults(new Random(3), 20))).containsOnly(
                Map.entry("kill -9 processor", 7L), Map.entry("kill -9 ingest", 7L), Map.entry("kill -9 gateway", 7L));
    }

    @Test
    void sigtermStopsEachServiceOnceAndBrokerStopsTheBrokerOnce() {
        assertThat(ChaosScenario.SIGTERM.faults(new Random(4), 21)).extracting(Fault::toString)
                .containsExactlyInAnyOrder("SIGTERM processor", "SIGTERM ingest", "SIGTERM gateway");
        assertThat(ChaosScenario.BROKER.faults(new Random(4), 21)).containsExactly(Fault.brokerStop());
    }

    @Test
    void allHasEveryFaultOfTheOthers() {
        List<Fault> faults = ChaosScenario.ALL.faults(new Random(5), 21);

        assertThat(faults).hasSize(25);
        assertThat(counted(faults)).contains(Map.entry("broker stop", 1L), Map.entry("SIGTERM gateway", 1L),
                Map.entry("kill -9 gateway", 7L));
    }

    @Test
    void dedupKillsTheProcessorAndTheIngestServiceAtLeastTwiceEach() {
        assertThat(counted(ChaosScenario.DEDUP.faults(new Random(6), ChaosScenario.DEDUP.defaultKills())))
                .containsOnly(Map.entry("kill -9 processor", 3L), Map.entry("kill -9 ingest", 3L));
        assertThat(counted(ChaosScenario.DEDUP.faults(new Random(6), 1)))
                .containsOnly(Map.entry("kill -9 processor", 2L), Map.entry("kill -9 ingest", 2L));
        assertThat(counted(ChaosScenario.DEDUP.faults(new Random(6), 7)))
                .containsOnly(Map.entry("kill -9 processor", 4L), Map.entry("kill -9 ingest", 4L));
    }

    @Test
    void scenariosAreNamedAsOnTheCommandLine() {
        assertThat(ChaosScenario.of(" Sigterm ")).isEqualTo(ChaosScenario.SIGTERM);
        assertThatThrownBy(() -> ChaosScenario.of("flood")).hasMessageContaining("kill, broker, sigterm, all or dedup");
        assertThat(List.of(ChaosScenario.values())).extracting(ChaosScenario::id)
                .containsExactly("kill", "broker", "sigterm", "all", "dedup");
        assertThat(Fault.kill("gateway")).hasToString("kill -9 gateway");
    }
}
