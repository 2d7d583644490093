package io.tickstock.stack.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"512Mi, 512", "1280Mi, 1280", "1Gi, 1024", "4Gi, 4096"})
    void memoryInMib(String quantity, long mib) {
        assertThat(Quantities.mib(quantity)).isEqualTo(mib);
    }

    @Test
    void aMemoryQuantityInAnotherUnitIsRefused() {
        assertThatThrownBy(() -> Quantities.mib("512M")).hasMessage("unexpected memory quantity '512M' in k8s/base");
    }

    @ParameterizedTest
    @CsvSource({"500m, 500", "250m, 250", "1, 1000", "2, 2000", "0.5, 500"})
    void cpuInMillicores(String quantity, long millicores) {
        assertThat(Quantities.millicores(quantity)).hasValue(millicores);
    }

    @Test
    void anAbsentCpuQuantityStaysAbsent() {
        assertThat(Quantities.millicores("")).isEqualTo(OptionalLong.empty());
        assertThat(Quantities.millicores(null)).isEqualTo(OptionalLong.empty());
    }
}
