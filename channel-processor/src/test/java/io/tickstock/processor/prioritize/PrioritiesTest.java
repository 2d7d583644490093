package io.tickstock.processor.prioritize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.detect.SessionCalendar;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrioritiesTest {

    private final ProcessorConfig config = TestProcessorConfig.with(Map.of(
            "tickstock.processor.priority.focus-symbols", "SPY,DIA"));
    private final Priorities priorities = new Priorities(config.priority(), config.fmv());

    private static long newYork(String time) {
        return LocalDateTime.parse(time).atZone(SessionCalendar.NEW_YORK).toInstant().toEpochMilli();
    }

    @ParameterizedTest(name = "{0} {1} at {2} (deviation {3}) -> P{4}")
    @CsvSource(textBlock = """
            # type,        symbol, New York time,        deviation, priority
            HIGH,          AAPL,   2024-03-12T11:00:00,  0,    1
            LOW,           AAPL,   2024-03-12T11:00:00,  0,    1
            SURGE,         AAPL,   2024-03-12T11:00:00,  0,    1
            TREND,         AAPL,   2024-03-12T11:00:00,  0,    2
            VOLUME_SPIKE,  AAPL,   2024-03-12T11:00:00,  0,    2
            BREAKOUT,      AAPL,   2024-03-12T11:00:00,  0,    2
            BREAKDOWN,     AAPL,   2024-03-12T11:00:00,  0,    2
            HIGH_CLOSE,    AAPL,   2024-03-12T11:00:00,  0,    2
            LOW_CLOSE,     AAPL,   2024-03-12T11:00:00,  0,    2
            FMV_DEVIATION, AAPL,   2024-03-12T11:00:00,  4.99, 3
            FMV_DEVIATION, AAPL,   2024-03-12T11:00:00,  5,    2
            FMV_DEVIATION, AAPL,   2024-03-12T11:00:00,  -5,   2
            # focus symbols, first 30 minutes of the regular session: one level up
            HIGH,          SPY,    2024-03-12T09:30:00,  0,    0
            TREND,         DIA,    2024-03-12T09:59:59,  0,    1
            FMV_DEVIATION, SPY,    2024-03-12T09:45:00,  1,    2
            HIGH,          SPY,    2024-03-12T10:00:00,  0,    1
            HIGH,          SPY,    2024-03-12T09:29:59,  0,    1
            HIGH,          QQQ,    2024-03-12T09:45:00,  0,    1
            # not a trading day (Good Friday)
            HIGH,          SPY,    2024-03-29T09:45:00,  0,    1
            """)
    void prioritiesFollowTheSpecTable(EventType type, String symbol, String time, double deviation, int priority) {
        assertThat(priorities.of(type, symbol, newYork(time), deviation)).isEqualTo(priority);
    }
}
