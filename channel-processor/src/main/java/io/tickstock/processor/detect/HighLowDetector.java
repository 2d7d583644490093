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

    private final SessionCalendar calendar;
    private final long cooldownMillis;

    public HighLowDetector(SessionCalendar calendar, Duration cooldown) {
        this.calendar = calendar;
        this.cooldownMillis = cooldown.toMillis();
    }

    /** A new session extreme worth an event. */
    public record Extreme(EventType type, double price, double previous, double step) {
    }

    /**
     * The state after an observation and the events it produced (usually none).
     *
     * @param resighted true when the offered high or low is exactly an extreme already emitted: for a bar, the
     *     same market fact seen again through another source (SPEC §5.2)
     */
    public record Outcome(SessionExtremes state, List<Extreme> extremes, boolean resighted) {
    }

    /**
     * Observes prices seen at {@code time}. {@code state} is the symbol's state so far (null for none). Outside
     * every session nothing changes and nothing fires.
     */
    public Outcome observe(SessionExtremes state, double high, double low, long time) {
        long day = calendar.sessionDay(time);
        if (day == SessionCalendar.NO_SESSION) {
            return new Outcome(state, List.of(), false);
        }
        if (state == null || state.sessionDay() != day) {
            return new Outcome(SessionExtremes.seed(day, high, low), List.of(), false);
        }
        List<Extreme> extremes = new ArrayList<>(1);
        double lastHigh = state.lastHigh();
        long lastHighAt = state.lastHighAt();
        double highStep = PriceBands.highLowStep(lastHigh);
        if (high > state.high() && Thresholds.reaches(high, lastHigh + highStep)
                && Thresholds.cooledDown(lastHighAt, time, cooldownMillis)) {
            extremes.add(new Extreme(EventType.HIGH, high, state.high(), highStep));
            lastHigh = high;
            lastHighAt = time;
        }
        double lastLow = state.lastLow();
        long lastLowAt = state.lastLowAt();
        double lowStep = PriceBands.highLowStep(lastLow);
        if (low < state.low() && Thresholds.reaches(lastLow - lowStep, low)
                && Thresholds.cooledDown(lastLowAt, time, cooldownMillis)) {
            extremes.add(new Extreme(EventType.LOW, low, state.low(), lowStep));
            lastLow = low;
            lastLowAt = time;
        }
        SessionExtremes next = new SessionExtremes(day, Math.max(high, state.high()), Math.min(low, state.low()),
                lastHigh, lastLow, lastHighAt, lastLowAt);
        boolean resighted = extremes.isEmpty()
                && (isEmitted(high, state.lastHigh(), state.lastHighAt()) || isEmitted(low, state.lastLow(),
                        state.lastLowAt()));
        return new Outcome(next, extremes, resighted);
    }

    private static boolean isEmitted(double price, double lastEmitted, long lastEmittedAt) {
        return lastEmittedAt != Thresholds.NEVER && price == lastEmitted;
    }
}
