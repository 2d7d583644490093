package io.tickstock.processor.prioritize;

import io.tickstock.model.EventType;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.SessionCalendar;
import java.util.Set;

/**
 * Event priorities of SPEC §6: P0 is control/system, P1 tick {@code high}/{@code low}/{@code surge}, P2 {@code trend},
 * the OHLCV events and large FMV deviations, P3 other FMV deviations. Focus symbols go one level up (P1 becomes P0)
 * during the first minutes of the regular session, by event time, whatever the session calendar in use.
 */
public final class Priorities {

    public static final int P0 = 0;
    public static final int P1 = 1;
    public static final int P2 = 2;
    public static final int P3 = 3;

    private final Set<String> focusSymbols;
    private final long focusWindowMillis;
    private final double p2DeviationPercent;

    public Priorities(ProcessorConfig.Priority config, ProcessorConfig.Fmv fmv) {
        this.focusSymbols = Set.copyOf(config.focusSymbols());
        this.focusWindowMillis = config.focusWindow().toMillis();
        this.p2DeviationPercent = fmv.p2DeviationPercent();
    }

    /** The base priority of a type; {@code deviation} (percent) only matters for {@code fmv_deviation}. */
    public int base(EventType type, double deviation) {
        return switch (type) {
            case HIGH, LOW, SURGE -> P1;
            case FMV_DEVIATION -> Math.abs(deviation) >= p2DeviationPercent ? P2 : P3;
            default -> P2;
        };
    }

    /** The priority of an event of {@code symbol} at {@code eventTime}. */
    public int of(EventType type, String symbol, long eventTime, double deviation) {
        int base = base(type, deviation);
        return isFocus(symbol, eventTime) ? Math.max(P0, base - 1) : base;
    }

    private boolean isFocus(String symbol, long eventTime) {
        if (!focusSymbols.contains(symbol)) {
            return false;
        }
        long sinceOpen = SessionCalendar.REGULAR.sinceOpen(eventTime);
        return sinceOpen >= 0 && sinceOpen < focusWindowMillis;
    }
}
