package io.tickstock.processor.detect;

import io.tickstock.model.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Session high/low detection (SPEC §4). A trade offers one price as both its high and its low; a bar offers its
 * {@code h} and {@code l}. The session extremes always move; an event fires only when the new extreme clears the
 * last emitted one by the band step and the symbol's cooldown for that side has passed.
 */
public final class HighLowDetector {

    private static final double PRICE_EPSILON = 1e-9;

    private final SessionCalendar calendar;
    private final long cooldownMillis;

    public HighLowDetector(SessionCalendar calendar, Duration cooldown) {
        this.calendar = calendar;
        this.cooldownMillis = cooldown.toMillis();
    }

    /** A new session extreme worth an event. */
    public record Extreme(EventType type, double price, double previous, double step) {
    }

    /** The state after an observation and the events it produced (usually none). */
    public record Outcome(SessionExtremes state, List<Extreme> extremes) {
    }

    /**
     * Observes prices seen at {@code time}. {@code state} is the symbol's state so far (null for none). Outside
     * every session nothing changes and nothing fires.
     */
    public Outcome observe(SessionExtremes state, double high, double low, long time) {
        long day = calendar.sessionDay(time);
        if (day == SessionCalendar.NO_SESSION) {
            return new Outcome(state, List.of());
        }
        if (state == null || state.sessionDay() != day) {
            return new Outcome(SessionExtremes.seed(day, high, low), List.of());
        }
        List<Extreme> extremes = new ArrayList<>(1);
        double lastHigh = state.lastHigh();
        long lastHighAt = state.lastHighAt();
        double highStep = PriceBands.highLowStep(lastHigh);
        if (high > state.high() && reaches(high, lastHigh + highStep) && cooledDown(lastHighAt, time)) {
            extremes.add(new Extreme(EventType.HIGH, high, state.high(), highStep));
            lastHigh = high;
            lastHighAt = time;
        }
        double lastLow = state.lastLow();
        long lastLowAt = state.lastLowAt();
        double lowStep = PriceBands.highLowStep(lastLow);
        if (low < state.low() && reaches(lastLow - lowStep, low) && cooledDown(lastLowAt, time)) {
            extremes.add(new Extreme(EventType.LOW, low, state.low(), lowStep));
            lastLow = low;
            lastLowAt = time;
        }
        SessionExtremes next = new SessionExtremes(day, Math.max(high, state.high()), Math.min(low, state.low()),
                lastHigh, lastLow, lastHighAt, lastLowAt);
        return new Outcome(next, extremes);
    }

    /** {@code a >= b} for decimal prices: a price exactly at a threshold reaches it despite binary rounding. */
    private static boolean reaches(double a, double b) {
        return a >= b - PRICE_EPSILON;
    }

    private boolean cooledDown(long lastAt, long time) {
        return lastAt == SessionExtremes.NEVER || time - lastAt >= cooldownMillis;
    }
}
