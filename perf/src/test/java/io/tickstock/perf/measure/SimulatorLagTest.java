package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorLagTest {

    private final SimulatorLag lag = new SimulatorLag();

    @Test
    void eachIntervalHasItsHighestSampleAndTheRunItsPercentilesBesideTheSimulatorsOwnMaximum() {
        lag.sample(0);
        lag.sample(40);
        Long first = lag.interval();
        Long empty = lag.interval();
        for (int i = 0; i < 98; i++) {
            lag.sample(0);
        }
        lag.sample(1_500);
        Long third = lag.interval();

        SimulatorLag.Summary summary = lag.summary(1_730);

        assertThat(first).isEqualTo(40);
        assertThat(empty).as("no sample in it").isNull();
        assertThat(third).isEqualTo(1_500);
        assertThat(summary.samples()).isEqualTo(101);
        assertThat(summary.p50Millis()).isZero();
        assertThat(summary.p99Millis()).isEqualTo(40);
        assertThat(summary.maxSampledMillis()).isEqualTo(1_500);
        assertThat(summary.maxMillis()).isEqualTo(1_730);
    }
}
