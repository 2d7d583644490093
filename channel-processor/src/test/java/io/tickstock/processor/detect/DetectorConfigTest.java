package io.tickstock.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.processor.TestProcessorConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configured thresholds are checked when the detectors are built, not when the first record arrives. */
class DetectorConfigTest {

    @Test
    void surgeBandsNeedOnePercentPerBand() {
        assertThatThrownBy(() -> new SurgeDetector(TestProcessorConfig.with(Map.of(
                "tickstock.processor.surge.band-percents", "4,3")).surge()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band-percents");
    }

    @Test
    void trendWindowsAndWeightsPairUp() {
        assertThatThrownBy(() -> new TrendDetector(TestProcessorConfig.with(Map.of(
                "tickstock.processor.trend.weights", "0.5,0.5")).trend()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair up");
    }

    @ParameterizedTest(name = "${0} -> {1} %")
    @CsvSource({"24.99, 4", "25, 3", "99.99, 3", "100, 2.5", "499.99, 2.5", "500, 2"})
    void surgeBandsFollowTheReferencePrice(double price, double percent) {
        assertThat(new SurgeDetector(TestProcessorConfig.defaults().surge()).bandPercent(price)).isEqualTo(percent);
    }
}
