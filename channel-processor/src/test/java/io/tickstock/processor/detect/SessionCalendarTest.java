package io.tickstock.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCalendarTest {

    private static long newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SessionCalendar.NEW_YORK).toInstant().toEpochMilli();
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(textBlock = """
            # calendar, New York time,       session date (empty = none)
            REGULAR,   2024-03-12T09:29:59,
            REGULAR,   2024-03-12T09:30:00,  2024-03-12
            REGULAR,   2024-03-12T15:59:59,  2024-03-12
            REGULAR,   2024-03-12T16:00:00,
            REGULAR,   2024-03-16T12:00:00,
            EXTENDED,  2024-03-12T03:59:59,
            EXTENDED,  2024-03-12T04:00:00,  2024-03-12
            EXTENDED,  2024-03-12T19:59:59,  2024-03-12
            EXTENDED,  2024-03-12T20:00:00,
            EXTENDED,  2024-03-17T10:00:00,
            ALWAYS,    2024-03-16T00:00:00,  2024-03-16
            ALWAYS,    2024-03-16T23:59:59,  2024-03-16
            ALWAYS,    2024-03-17T00:00:00,  2024-03-17
            # Good Friday: the exchange is closed, the demo calendar is not
            REGULAR,   2024-03-29T10:00:00,
            EXTENDED,  2024-03-29T10:00:00,
            ALWAYS,    2024-03-29T10:00:00,  2024-03-29
            """)
    void sessionsAreNewYorkTradingHours(SessionCalendar calendar, String time, LocalDate session) {
        long expected = session == null ? SessionCalendar.NO_SESSION : session.toEpochDay();

        assertThat(calendar.sessionDay(newYork(time))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1} -> {2} ms since open")
    @CsvSource(textBlock = """
            REGULAR,   2024-03-12T09:30:00,  0
            REGULAR,   2024-03-12T09:59:59,  1799000
            REGULAR,   2024-03-12T09:29:59,  -1
            REGULAR,   2024-03-29T10:00:00,  -1
            ALWAYS,    2024-03-12T10:00:00,  -1
            """)
    void timeSinceTheOpen(SessionCalendar calendar, String time, long sinceOpen) {
        assertThat(calendar.sinceOpen(newYork(time))).isEqualTo(sinceOpen);
    }
}
