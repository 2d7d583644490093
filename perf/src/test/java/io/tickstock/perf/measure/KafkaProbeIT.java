package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe against a real broker: every message it sends comes back, per interval and over the run. */
class KafkaProbeIT {

    @Test
    void everyMessageComesBackWithItsLatencyInTheIntervalItCameBackInAndTheProbeCountsItsOwnCpu() {
        List<KafkaProbe.Interval> intervals = new ArrayList<>();
        KafkaProbe.Summary summary;
        try (KafkaProbe probe = KafkaProbe.start(TestBroker.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                intervals.add(probe.interval());
                return intervals.stream().mapToLong(i -> i.latency().count()).sum() >= 20;
            });
            summary = probe.stop();
        }

        assertThat(summary.lost()).isZero();
        assertThat(summary.late()).isZero();
        assertThat(summary.received()).isEqualTo(summary.sent()).isGreaterThanOrEqualTo(20);
        assertThat(summary.latency().count()).isEqualTo(summary.received());
        assertThat(summary.latency().p50()).isPositive().isLessThan(KafkaProbe.TIMEOUT.toMillis());
        assertThat(summary.cpuThreads()).contains("perf-kafka-probe-send", "perf-kafka-probe-receive",
                "kafka-producer-network-thread | perf-kafka-probe");
        assertThat(summary.cpuSeconds()).isPositive();
        assertThat(summary.cpuPercent()).isPositive();
        assertThat(intervals.stream().mapToLong(i -> i.latency().count()).sum())
                .as("what the intervals had, the rest came back after the last one").isLessThanOrEqualTo(summary.received());
        assertThat(intervals).allSatisfy(i -> assertThat(i.lost()).isZero());
    }
}
