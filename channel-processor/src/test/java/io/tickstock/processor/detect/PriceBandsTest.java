package io.tickstock.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceBandsTest {

    @ParameterizedTest(name = "${0} -> step {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # price | step     | why: step = min(band dollars, price x band percent)
            0.50    | 0.001    | <$1: 0.20 % of $0.50 is under $0.005
            0.999   | 0.001998 | <$1 up to its edge
            1.00    | 0.0015   | <$5: 0.15 %
            4.00    | 0.006    | <$5: 0.15 %
            5.00    | 0.005    | <$25: 0.10 %
            24.99   | 0.02     | <$25: $0.02 is under 0.10 % of $24.99
            25.00   | 0.02     | <$100: 0.08 % of $25 equals $0.02
            50.00   | 0.04     | <$100: 0.08 %
            99.99   | 0.05     | <$100: $0.05 is under 0.08 %
            100.00  | 0.05     | else: 0.05 % of $100
            150.00  | 0.075    | else: 0.05 %
            400.00  | 0.10     | else: $0.10 is under 0.05 %
            """)
    void stepIsTheSmallerOfTheBandsDollarAndPercent(double price, double step, String why) {
        assertThat(PriceBands.highLowStep(price)).isCloseTo(step, within(1e-9));
    }
}
