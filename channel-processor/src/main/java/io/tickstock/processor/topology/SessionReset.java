package io.tickstock.processor.topology;

import io.tickstock.processor.detect.SessionCalendar;
import io.tickstock.processor.state.SymbolState;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Clears the session extremes of earlier sessions when a new session begins by the wall clock, so a quiet symbol
 * does not show yesterday's high until its next trade. Detection does not depend on it (the first price of a
 * session seeds afresh either way); it keeps the state honest for {@code GET /state} and memory small.
 *
 * <p>A replay or a catch-up of an earlier day must not be cut short: while records still arrive with event times
 * of an earlier New York date than the wall clock, the reset waits.
 */
final class SessionReset {

    private final SessionCalendar calendar;
    private final KeyValueStore<String, SymbolState> symbols;
    private long resetFor = SessionCalendar.NO_SESSION;
    private long lastStreamTime = Long.MIN_VALUE;

    SessionReset(SessionCalendar calendar, KeyValueStore<String, SymbolState> symbols) {
        this.calendar = calendar;
        this.symbols = symbols;
    }

    /** Called by the wall-clock punctuator; returns how many symbols were reset. */
    int run(long wallClock, long streamTime) {
        long session = calendar.sessionDay(wallClock);
        boolean flowing = streamTime != lastStreamTime;
        lastStreamTime = streamTime;
        if (session == SessionCalendar.NO_SESSION || session == resetFor) {
            return 0;
        }
        boolean behind = streamTime >= 0 && SessionCalendar.newYork(streamTime).toLocalDate().toEpochDay()
                < SessionCalendar.newYork(wallClock).toLocalDate().toEpochDay();
        if (flowing && behind) {
            return 0;
        }
        resetFor = session;
        int reset = 0;
        try (KeyValueIterator<String, SymbolState> all = symbols.all()) {
            while (all.hasNext()) {
                KeyValue<String, SymbolState> entry = all.next();
                SymbolState state = entry.value;
                if (state.extremes() != null && state.extremes().sessionDay() < session) {
                    symbols.put(entry.key, state.withExtremes(null));
                    reset++;
                }
            }
        }
        return reset;
    }
}
