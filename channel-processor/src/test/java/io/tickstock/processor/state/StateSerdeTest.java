package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.Direction;
import io.tickstock.model.serde.Json;
import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.SessionExtremes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private static final long T0 = 1_700_000_000_000L;

    private final Counter unreadable = new SimpleMeterRegistry().counter("unreadable");

    private <T> T roundTrip(StateCodec<T> codec, T value) {
        StateSerde<T> serde = new StateSerde<>("store", codec, unreadable);
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", value));
    }

    static MarketSymbol aTradedSymbol() {
        SymbolState shared = new SymbolState(new SessionExtremes(19_700, 191.5, 188.25, 191.5, 188.5, T0, Long.MIN_VALUE),
                190.25, T0 + 5, T0 + 7);
        TickState tick = new TickState(T0 / 1_000, 12_345, 77, T0 + 5, Long.MIN_VALUE, T0 - 60_000, T0 - 1);
        TickSecond open = TickSecond.opened(new TickSample(T0 / 1_000, 190.0, 190.25, 300, 12_045, 76),
                "T|AAPL|77|" + T0 + "|4").withInput("A|AAPL|" + T0);
        return new MarketSymbol(shared, tick, open, SeenTimes.NONE.with(T0 - 60_000, 600_000).with(T0, 600_000));
    }

    @Test
    void everyKindOfStoredValueReadsBackAsWritten() {
        MarketSymbol traded = aTradedSymbol();
        assertThat(roundTrip(StateCodecs.MARKET_SYMBOL, traded)).isEqualTo(traded);
        assertThat(roundTrip(StateCodecs.MARKET_SYMBOL, MarketSymbol.EMPTY)).isEqualTo(MarketSymbol.EMPTY);
        TickSecond lateOnly = new TickSecond(null, SeenIdentities.NONE.with("T|AAPL|1|" + T0 + "|4"));
        assertThat(roundTrip(StateCodecs.TICK_SECOND, lateOnly)).isEqualTo(lateOnly);
        BarHistory bars = new BarHistory(List.of(new Bar(T0, 190, 191, 9_000), new Bar(T0 + 60_000, 191, 190.5, 100)),
                SeenTimes.NONE.with(T0, 600_000).with(T0 + 60_000, 600_000));
        assertThat(roundTrip(StateCodecs.BAR_HISTORY, bars)).isEqualTo(bars);
        FmvState fmv = FmvState.EMPTY.seen(T0 * 1_000_000, 600_000_000_000L).withQuote(T0, 195.5)
                .withDeviation(Direction.OVERVALUED, T0, 2.5);
        assertThat(roundTrip(StateCodecs.FMV_STATE, fmv)).isEqualTo(fmv);
        assertThat(unreadable.count()).isZero();
    }

    @Test
    void aValueTakesAFractionOfItsJson() throws Exception {
        MarketSymbol traded = aTradedSymbol();
        byte[] stored = new StateSerde<>("store", StateCodecs.MARKET_SYMBOL, unreadable).serializer()
                .serialize("changelog", traded);

        // the shared and tick state were JSON before (StateSerde of the first releases)
        byte[] json = Json.mapper().writeValueAsBytes(List.of(traded.shared(), traded.tick(), traded.open().sample()));
        assertThat(stored.length).isLessThan(json.length / 2);
    }

    @Test
    void aValueOfAnotherFormatStartsAfreshAndIsCounted() {
        StateSerde<BarHistory> serde = new StateSerde<>("bar-history", StateCodecs.BAR_HISTORY, unreadable);
        byte[] stored = serde.serializer().serialize("changelog", BarHistory.EMPTY);
        stored[0] = (byte) (StateCodecs.BAR_HISTORY.format() + 1);

        assertThat(serde.deserializer().deserialize("changelog", stored)).isNull();
        assertThat(unreadable.count()).isEqualTo(1);
    }

    @Test
    void damagedBytesStartAfreshAndAreCounted() {
        StateSerde<MarketSymbol> serde = new StateSerde<>("tick-symbols", StateCodecs.MARKET_SYMBOL, unreadable);
        byte[] whole = serde.serializer().serialize("changelog", aTradedSymbol());

        assertThat(serde.deserializer().deserialize("changelog", Arrays.copyOf(whole, whole.length - 3))).isNull();
        assertThat(serde.deserializer().deserialize("changelog", Arrays.copyOf(whole, whole.length + 1))).isNull();
        // what the JSON layout of an earlier release stored
        assertThat(serde.deserializer().deserialize("changelog",
                "{\"extremes\":null,\"lastPrice\":349.85}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(unreadable.count()).isEqualTo(3);
    }
}
