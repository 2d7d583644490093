package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Feed;
import io.tickstock.model.Trade;
import io.tickstock.processor.engine.Engine;
import io.tickstock.processor.state.MarketSymbol;
import io.tickstock.processor.state.SymbolState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session extremes of quiet symbols are cleared once the task's newest event time enters a new session, without a
 * record of the quiet symbol itself; a wall clock that has moved on alone (a replay, a restart) clears nothing.
 */
class SessionResetTest {

    // Tuesday 2024-03-12, 15:00 New York; the next session (regular calendar) opens Wednesday 09:30
    private static final Instant TUESDAY = Instant.parse("2024-03-12T19:00:00Z");
    private static final Instant WEDNESDAY_OPEN = Instant.parse("2024-03-13T13:30:00Z");

    private final ProcessorDriver processor = new ProcessorDriver(
            Map.of("tickstock.processor.session.calendar", "regular"), TUESDAY, StoreKind.IN_MEMORY);
    private int tradeId;

    @AfterEach
    void close() {
        processor.close();
    }

    private void trade(String sym, double price, Instant time) {
        processor.send(new Trade(Feed.T, sym, 4, Integer.toString(++tradeId), null, price, 100, null,
                time.toEpochMilli()));
    }

    private SymbolState state(String sym) {
        KeyValueStore<String, MarketSymbol> store = processor.engine(Engine.TICK)
                .getKeyValueStore(StoreNames.TICK_SYMBOLS);
        return store.get(sym).shared();
    }

    @Test
    void aQuietSymbolsExtremesAreClearedWhenTheNextSessionBegins() {
        trade("QUIET", 10.00, TUESDAY);
        trade("QUIET", 10.50, TUESDAY.plusSeconds(5));
        processor.advanceWallClock(Duration.ofSeconds(5));
        assertThat(state("QUIET").extremes().high()).isEqualTo(10.50);

        // pre-market trades of another symbol: no session yet
        trade("BUSY", 20.00, WEDNESDAY_OPEN.minusSeconds(60));
        processor.advanceWallClock(Duration.ofSeconds(5));
        assertThat(state("QUIET").extremes()).isNotNull();

        // the first trade of the session, of another symbol: QUIET is reset at the next punctuation
        trade("BUSY", 20.10, WEDNESDAY_OPEN);
        processor.advanceWallClock(Duration.ofSeconds(5));

        assertThat(state("QUIET").extremes()).isNull();
        assertThat(state("QUIET").lastPrice()).isEqualTo(10.50);
        assertThat(state("BUSY").extremes().high()).isEqualTo(20.10);
    }

    @Test
    void aReplayOfAnEarlierDayIsNotCutShortByTheWallClock() {
        processor.advanceWallClock(Duration.between(TUESDAY, WEDNESDAY_OPEN).plusMinutes(1));

        // Tuesday's records arrive on Wednesday (a replay, a catch-up), with punctuations in between
        trade("REPLAY", 10.00, TUESDAY);
        processor.advanceWallClock(Duration.ofSeconds(5));
        trade("REPLAY", 10.50, TUESDAY.plusSeconds(5));
        processor.advanceWallClock(Duration.ofMinutes(5));
        trade("REPLAY", 11.00, TUESDAY.plusSeconds(10));

        assertThat(state("REPLAY").extremes().high()).isEqualTo(11.00);
        assertThat(processor.events()).hasSize(2);
    }
}
