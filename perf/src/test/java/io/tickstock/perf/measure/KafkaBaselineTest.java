package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaBaselineTest {

    @Test
    void readsWhatEndToEndLatencyPrints() {
        String output = "0\t2.456\n1000\t0.812\nAvg latency: 1.4312 ms\nPercentiles: 50th = 1, 99th = 8, 99.9th = 28\n";

        KafkaBaseline.Result result = KafkaBaseline.parse(output, 5_000, 200).orElseThrow();

        assertThat(result.avgMs()).isEqualTo(1.4312);
        assertThat(result.p50Ms()).isEqualTo(1);
        assertThat(result.p99Ms()).isEqualTo(8);
        assertThat(result.p999Ms()).isEqualTo(28);
        assertThat(result.messages()).isEqualTo(5_000);
        assertThat(result.output()).contains("Percentiles");
    }

    @Test
    void anOutputWithoutTheFiguresIsNoResult() {
        assertThat(KafkaBaseline.parse("org.apache.kafka.common.errors.TimeoutException", 10, 200)).isEmpty();
    }
}
