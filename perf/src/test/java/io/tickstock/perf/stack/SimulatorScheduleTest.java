package io.tickstock.perf.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import org.junit.jupiter.api.Test;

class SimulatorScheduleTest {

    private static final long WALL = 1_800_000_000_300L;
    private static final long START = 1_800_000_001_000L;
    private final SimulatorSchedule.Stretch first = new SimulatorSchedule.Stretch(START, WALL, WALL, 1);

    @Test
    void atOnceFromTheStartAMessageIsDueAtItsProviderTimestamp() {
        SimulatorSchedule schedule = SimulatorSchedule.of(first);

        assertThat(schedule.dueMicros(START + 12_345)).isEqualTo((START + 12_345) * 1_000);
    }

    @Test
    void theBackfillOfEarlierBarsIsDueAtTheStart() {
        SimulatorSchedule schedule = SimulatorSchedule.of(first);

        assertThat(schedule.dueMicros(START - 120_000)).isEqualTo(START * 1_000);
    }

    @Test
    void afterAChangeOfSpeedSimulatedTimeRunsFasterThanTheWallClock() {
        // 10 s in at ×1, then ×4: simulated time 40 s later is due 10 s later
        SimulatorSchedule schedule = SimulatorSchedule.of(first)
                .then(new SimulatorSchedule.Stretch(START, WALL + 10_000, WALL + 10_000.0, 4));

        assertThat(schedule.dueMicros(WALL + 9_000)).as("before the change").isEqualTo((WALL + 9_000) * 1_000);
        assertThat(schedule.dueMicros(WALL + 50_000)).isEqualTo((WALL + 20_000) * 1_000);
        assertThat(schedule.dueMicros(WALL + 10_002)).isEqualTo((WALL + 10_000) * 1_000 + 500);
    }

    @Test
    void theSameStretchReadAgainChangesNothingAndAnotherRunsIsRefused() {
        SimulatorSchedule schedule = SimulatorSchedule.of(first);

        assertThat(schedule.then(first)).isSameAs(schedule);
        assertThatThrownBy(() -> schedule.then(new SimulatorSchedule.Stretch(START + 60_000, WALL, WALL, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another simulator run");
        assertThatThrownBy(() -> schedule.then(new SimulatorSchedule.Stretch(START, WALL - 1, WALL, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back in time");
    }

    @Test
    void theIngestStatusGivesTheStretchOrNothingAndAnIncompleteOneIsAnError() throws Exception {
        JsonNode schedule = Json.mapper().readTree("{\"start\":" + START + ",\"time\":" + WALL + ",\"wallMillis\":"
                + WALL + ".5,\"multiplier\":2.0}");

        assertThat(IngestControl.stretch(schedule))
                .contains(new SimulatorSchedule.Stretch(START, WALL, WALL + 0.5, 2));
        assertThat(IngestControl.stretch(Json.mapper().readTree("{}").path("schedule"))).isEmpty();
        assertThatThrownBy(() -> IngestControl.stretch(Json.mapper().readTree("{\"start\":1,\"time\":1}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'wallMillis'");
    }
}
