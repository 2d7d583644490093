package io.tickstock.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingDaysTest {

    @ParameterizedTest(name = "{0} ({2}) -> trading day: {1}")
    @CsvSource(textBlock = """
            2024-01-01, false, New Year's Day
            2024-01-15, false, Martin Luther King Jr. Day (3rd Monday)
            2024-02-19, false, Washington's Birthday (3rd Monday)
            2024-03-29, false, Good Friday
            2024-05-27, false, Memorial Day (last Monday)
            2024-06-19, false, Juneteenth
            2024-07-04, false, Independence Day
            2024-09-02, false, Labor Day
            2024-11-28, false, Thanksgiving
            2024-12-25, false, Christmas
            2024-11-29, true, day after Thanksgiving (early close; a full session here)
            2024-03-12, true, an ordinary Tuesday
            2024-03-16, false, Saturday
            2024-03-17, false, Sunday
            2021-06-18, true, Juneteenth (Friday) before the exchange observed it
            2022-06-20, false, Juneteenth on a Sunday: observed Monday
            2026-07-03, false, Independence Day on a Saturday: observed Friday
            2022-12-26, false, Christmas on a Sunday: observed Monday
            2022-01-03, true, New Year's Day 2022 was a Saturday: not made up on Monday
            2021-12-31, true, ...nor on the Friday before
            2023-01-02, false, New Year's Day 2023 was a Sunday: observed Monday
            2025-04-18, false, Good Friday 2025
            2027-03-26, false, Good Friday 2027
            """)
    void holidaysFollowTheExchangesRules(LocalDate date, boolean trading, String why) {
        assertThat(TradingDays.isTradingDay(date)).isEqualTo(trading);
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2024-03-31", "2025-04-20", "2026-04-05", "2038-04-25", "2000-04-23"})
    void easterByTheGregorianComputus(LocalDate easter) {
        assertThat(TradingDays.easterSunday(easter.getYear())).isEqualTo(easter);
    }
}
