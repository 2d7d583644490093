package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

    private static Scenario.Options defaults() {
        return new Scenario.Options(null, null, null, null, 50, Duration.ofSeconds(15), Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0}: profile {1}, {2} s")
    @CsvSource({"market_open_surge, market_open_surge, 300", "steady_state, steady_state, 1800",
        "ohlcv_burst, steady_state, 360", "fanout, market_open_surge, 300", "smoke, demo, 60"})
    void eachScenarioPlaysItsProfileForItsSpecLength(String scenario, String profile, long seconds) {
        RunPlan plan = Scenario.of(scenario).plan(defaults());

        assertThat(plan.profile()).isEqualTo(profile);
        assertThat(plan.length()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(plan.stopWhenBad()).isFalse();
    }

    @Test
    void minutesAndSpeedOverrideASinglePhase() {
        RunPlan plan = Scenario.STEADY_STATE.plan(new Scenario.Options(10.0, null, null, 2.0, 50,
                Duration.ZERO, Duration.ofMinutes(1)));

        assertThat(plan.phases()).containsExactly(new RunPlan.Phase(2.0, Duration.ofMinutes(10)));
    }

    @Test
    void theRampRaisesTheSurgeStepByStepAndStopsWhenBad() {
        RunPlan plan = Scenario.RAMP.plan(new Scenario.Options(null, null, 30, null, 50, Duration.ZERO,
                Duration.ofMinutes(1)));

        assertThat(plan.profile()).isEqualTo("market_open_surge");
        assertThat(plan.stopWhenBad()).isTrue();
        assertThat(plan.phases()).extracting(RunPlan.Phase::multiplier).containsExactlyElementsOf(
                Scenario.RAMP_MULTIPLIERS);
        assertThat(plan.phases()).allMatch(p -> p.length().equals(Duration.ofSeconds(30)));
    }

    @Test
    void fanoutIsADeskOfWatchListsAndOneInTenOnTheMoversScreenAndOneThatStopsReading() {
        RunPlan plan = Scenario.FANOUT.plan(new Scenario.Options(null, 250, null, null, 50, Duration.ZERO,
                Duration.ofMinutes(1)));

        assertThat(plan.clientCount()).isEqualTo(3 + 250 + 1);
        assertThat(plan.clients()).filteredOn(RunPlan.ClientGroup::stalls).singleElement()
                .satisfies(g -> assertThat(g.measured()).isFalse());
        RunPlan.ClientGroup movers = plan.clients().stream().filter(g -> g.name().equals("movers")).findFirst()
                .orElseThrow();
        assertThat(movers.count()).isEqualTo(25);
        assertThat(movers.subscription(7)).isEqualTo(Scenario.TICK_EVENTS);
        RunPlan.ClientGroup lists = plan.clients().stream().filter(g -> g.name().equals("watchlists")).findFirst()
                .orElseThrow();
        assertThat(lists.count()).isEqualTo(225);
        assertThat(lists.has("watchlists-3")).isTrue();
        assertThat(lists.has("watchlist")).isFalse();
        for (int i = 1; i <= lists.count(); i++) {
            assertThat(lists.subscription(i).patterns()).hasSizeBetween(20, 100)
                    .allMatch(pattern -> pattern.matches("\\*\\.SYM\\d{4}"));
        }
        assertThat(lists.subscription(1)).as("the same list every run").isEqualTo(lists.subscription(1))
                .isNotEqualTo(lists.subscription(2));
    }

    @Test
    void fanoutFirehoseIsAThousandOnTheMoversScreen() {
        RunPlan plan = Scenario.FANOUT_FIREHOSE.plan(new Scenario.Options(null, null, null, null, 50,
                Duration.ZERO, Duration.ofMinutes(1)));

        assertThat(plan.clients()).filteredOn(g -> g.name().equals("fanout")).singleElement()
                .satisfies(g -> assertThat(g.count()).isEqualTo(1_000))
                .satisfies(g -> assertThat(g.described()).isEqualTo(Scenario.TICK_EVENTS.params()));
        assertThat(plan.clientCount()).isEqualTo(3 + 1_000 + 1);
    }

    @Test
    void scenarioNamesAreForgivingAndAnUnknownOneSaysWhatThereIs() {
        assertThat(Scenario.of(" Market-Open-Surge ")).isEqualTo(Scenario.MARKET_OPEN_SURGE);
        assertThatThrownBy(() -> Scenario.of("soak")).hasMessageContaining("ramp").hasMessageContaining("soak");
    }
}
