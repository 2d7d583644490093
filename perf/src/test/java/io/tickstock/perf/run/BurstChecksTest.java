package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.expect.BarBursts;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstChecksTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_796_621_100_000L; // 2026-12-07T05:25:00Z

    private static BarBursts.Burst burst(int minute, int bars, long events, long delivered) {
        long barEnd = T0 + minute * MINUTE;
        return new BarBursts.Burst(barEnd, bars, barEnd + 20, barEnd + 200, events, delivered, barEnd + 900);
    }

    @Test
    void wholeBurstsDeliveredWholeAreNeitherFailureNorNote() {
        BurstChecks.Findings findings = BurstChecks.judge(List.of(burst(0, 8_000, 78, 78), burst(1, 8_000, 7_530,
                7_530)), List.of(), "all");

        assertThat(findings.failures()).isEmpty();
        assertThat(findings.notes()).isEmpty();
    }

    @Test
    void aBurstNotDeliveredWholeFailsTheRunInsteadOfLeavingTheFigures() {
        BurstChecks.Findings findings = BurstChecks.judge(List.of(burst(0, 8_000, 7_480, 7_109), burst(1, 8_000, 10,
                10)), List.of(), "all");

        assertThat(findings.failures()).containsExactly("the minute burst of bars ending 2026-12-07T05:25:00Z was "
                + "not delivered whole: 'all' read 7109 of its 7480 events");
    }

    @Test
    void aBurstMissingBarsFailsUnlessTheInputsStartOrEndCutIt() {
        BurstChecks.Findings findings = BurstChecks.judge(List.of(burst(1, 8_000, 10, 10), burst(3, 8_000, 10, 10)),
                List.of(burst(0, 3_000, 2, 2), burst(2, 7_990, 10, 10), burst(4, 120, 0, 0)), "all");

        assertThat(findings.failures()).containsExactly("the minute burst of bars ending 2026-12-07T05:27:00Z had "
                + "7990 of 8000 bars on the raw OHLCV topic");
        assertThat(findings.notes()).containsExactly(
                "the minute burst of bars ending 2026-12-07T05:25:00Z had 3000 of 8000 bars on the raw OHLCV topic: "
                        + "cut by the input's start, not timed",
                "the minute burst of bars ending 2026-12-07T05:29:00Z had 120 of 8000 bars on the raw OHLCV topic: "
                        + "cut by the input's end, not timed");
    }

    @Test
    void aBurstWhoseBarsFiredNoEventsIsNotTimedAndSaysSo() {
        BurstChecks.Findings findings = BurstChecks.judge(List.of(burst(0, 8_000, 0, 0), burst(1, 8_000, 6_443,
                6_443)), List.of(), "all");

        assertThat(findings.failures()).isEmpty();
        assertThat(findings.notes()).containsExactly("the minute burst of bars ending 2026-12-07T05:25:00Z fired no "
                + "events: not timed");
    }
}
