package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRecordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            0.09659000000000001, 0.09659
            0.1234567849,        0.12345678
            0.1234567851,        0.12345679
            -2.000000004,        -2.0
            190.25,              190.25
            12345678.123456789,  12345678.123456789
            NaN,                 NaN
            Infinity,            Infinity
            """)
    void detailsAreRoundedToEightDecimals(double value, double rounded) {
        assertThat(Double.valueOf(EventRecords.round(value))).isEqualTo(Double.valueOf(rounded));
    }
}
