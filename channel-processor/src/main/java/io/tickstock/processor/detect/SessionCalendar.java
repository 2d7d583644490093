package io.tickstock.processor.detect;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Which trading session an instant belongs to (SPEC §4). Sessions are New York dates; high/low tracking starts
 * afresh with each session and is off outside one.
 */
public enum SessionCalendar {
    /** The whole New York date, every day: shows events at any hour (local and demo default). */
    ALWAYS(null, null),
    /** 09:30–16:00 on weekdays (production default). */
    REGULAR(LocalTime.of(9, 30), LocalTime.of(16, 0)),
    /** 04:00–20:00 on weekdays. */
    EXTENDED(LocalTime.of(4, 0), LocalTime.of(20, 0));

    /** Returned by {@link #sessionDay(long)} for an instant outside every session. */
    public static final long NO_SESSION = Long.MIN_VALUE;

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Trading hours, [open, close); null for a calendar without hours or weekends. */
    private final LocalTime open;
    private final LocalTime close;

    SessionCalendar(LocalTime open, LocalTime close) {
        this.open = open;
        this.close = close;
    }

    /** The session's New York date as an epoch day, or {@link #NO_SESSION}. */
    public long sessionDay(long epochMillis) {
        ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK);
        if (open != null && !isTradingHour(time)) {
            return NO_SESSION;
        }
        return time.toLocalDate().toEpochDay();
    }

    private boolean isTradingHour(ZonedDateTime time) {
        DayOfWeek day = time.getDayOfWeek();
        LocalTime clock = time.toLocalTime();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !clock.isBefore(open) && clock.isBefore(close);
    }
}
