package io.tickstock.processor.detect;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * New York Stock Exchange trading days: weekdays that are not exchange holidays. The holidays are computed by the
 * exchange's rules, so no table runs out: New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good
 * Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas. A holiday on
 * a Saturday is observed the Friday before, one on a Sunday the Monday after, except that New Year's Day on a
 * Saturday is not made up (the exchange does not close on the last day of December). Early closes (13:00) are not
 * modelled: those days count as full sessions.
 */
public final class TradingDays {

    private static final int JUNETEENTH_SINCE = 2022;

    private TradingDays() {
    }

    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** True on a weekday the exchange is closed. */
    public static boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        return date.equals(newYearsDay(year))
                || date.equals(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY))
                || date.equals(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY))
                || date.equals(easterSunday(year).minusDays(2))
                || date.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || year >= JUNETEENTH_SINCE && date.equals(observed(LocalDate.of(year, Month.JUNE, 19)))
                || date.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || date.equals(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))
                || date.equals(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY))
                || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    private static LocalDate newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        // on a Sunday it moves to Monday; on a Saturday it is simply lost
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
