package io.tickstock.processor.detect;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Which trading session an instant belongs to (SPEC §4). Sessions are New York dates; high/low tracking starts
 * afresh with each session and is off outside one. {@code regular} and {@code extended} follow the exchange's
 * trading days ({@link TradingDays}: no weekends, no holidays); {@code always} is every New York date.
 */
public enum SessionCalendar {
    /** The whole New York date, every day: shows events at any hour (local and demo default). */
    ALWAYS(null, null),
    /** 09:30–16:00 on trading days (production default). */
    REGULAR(LocalTime.of(9, 30), LocalTime.of(16, 0)),
    /** 04:00–20:00 on trading days. */
    EXTENDED(LocalTime.of(4, 0), LocalTime.of(20, 0));

    /** Returned by {@link #sessionDay(long)} for an instant outside every session. */
    public static final long NO_SESSION = Long.MIN_VALUE;

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Trading hours, [open, close); null for a calendar without hours or trading days. */
    private final LocalTime open;
    private final LocalTime close;

    SessionCalendar(LocalTime open, LocalTime close) {
        this.open = open;
        this.close = close;
    }

    /** The session's New York date as an epoch day, or {@link #NO_SESSION}. */
    public long sessionDay(long epochMillis) {
        ZonedDateTime time = newYork(epochMillis);
        if (open != null && !isTradingHour(time)) {
            return NO_SESSION;
        }
        return time.toLocalDate().toEpochDay();
    }

    /** The time since this calendar's open on a trading day, in millis; negative outside its hours. */
    public long sinceOpen(long epochMillis) {
        ZonedDateTime time = newYork(epochMillis);
        if (open == null || !isTradingHour(time)) {
            return -1;
        }
        return epochMillis - time.with(open).toInstant().toEpochMilli();
    }

    public static ZonedDateTime newYork(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK);
    }

    private boolean isTradingHour(ZonedDateTime time) {
        LocalTime clock = time.toLocalTime();
        return TradingDays.isTradingDay(time.toLocalDate()) && !clock.isBefore(open) && clock.isBefore(close);
    }
}
