package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseClockTest {

    @Test
    void anInputTimeBelongsToThePhaseRunningThen() {
        PhaseClock phases = new PhaseClock();
        assertThat(phases.phaseAt(5)).isEqualTo(-1);
        assertThat(phases.current()).isEqualTo(-1);

        phases.begin(100);
        phases.begin(200);

        assertThat(phases.phaseAt(99)).isEqualTo(-1);
        assertThat(phases.phaseAt(100)).isZero();
        assertThat(phases.phaseAt(199)).isZero();
        assertThat(phases.phaseAt(200)).isEqualTo(1);
        assertThat(phases.phaseAt(10_000)).isEqualTo(1);
        assertThat(phases.current()).isEqualTo(1);
        assertThat(phases.startOf(1)).isEqualTo(200);
    }
}
