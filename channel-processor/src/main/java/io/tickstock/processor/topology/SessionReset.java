package io.tickstock.processor.topology;

import io.tickstock.processor.detect.SessionCalendar;
import io.tickstock.processor.state.MarketSymbol;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Clears the session extremes of earlier sessions once a new session has begun, so a quiet symbol does not show
 * yesterday's high until its own next trade. Detection does not need it (the first price of a session seeds afresh
 * either way); it keeps the state honest for {@code GET /state} and memory small.
 *
 * <p>Runs on a wall-clock punctuator (no record of the quiet symbol is needed), but decides by the newest event
 * time the task has seen: the wall clock would cut a replay or a catch-up of an earlier day short and make a
 * restarted processor forget restored extremes; event time does neither, and in live operation it enters the new
 * session with the first trade of any symbol of the partition.
 */
final class SessionReset {

    private final SessionCalendar calendar;
    private final KeyValueStore<String, MarketSymbol> symbols;
    private long resetFor = SessionCalendar.NO_SESSION;

    SessionReset(SessionCalendar calendar, KeyValueStore<String, MarketSymbol> symbols) {
        this.calendar = calendar;
        this.symbols = symbols;
    }

    /** Called by the punctuator; returns how many symbols were reset. */
    int run(long newestEventTime) {
        long session = newestEventTime < 0 ? SessionCalendar.NO_SESSION : calendar.sessionDay(newestEventTime);
        if (session == SessionCalendar.NO_SESSION || session == resetFor) {
            return 0;
        }
        resetFor = session;
        int reset = 0;
        try (KeyValueIterator<String, MarketSymbol> all = symbols.all()) {
            while (all.hasNext()) {
                KeyValue<String, MarketSymbol> entry = all.next();
                MarketSymbol state = entry.value;
                if (state.shared().extremes() != null && state.shared().extremes().sessionDay() < session) {
                    symbols.put(entry.key, state.withShared(state.shared().withExtremes(null)));
                    reset++;
                }
            }
        }
        return reset;
    }
}
