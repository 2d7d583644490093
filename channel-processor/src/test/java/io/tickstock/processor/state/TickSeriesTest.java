package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tick series keeps its closed seconds in a store and reads them from a copy in memory: a series rebuilt from
 * the stores (what a restart or a rebalance does) must answer exactly as the one that wrote them, recognise the same
 * inputs, and the store must hold no more seconds than kept.
 */
class TickSeriesTest {

    private static final long T0 = 1_710_255_600_000L;
    private static final long[] TREND_WINDOWS = {180_000, 360_000, 600_000};
    private static final long KEPT_MILLIS = 660_000;

    private KeyValueStore<String, TickSecond> seconds;
    private KeyValueStore<String, MarketSymbol> symbols;

    private static <V> KeyValueStore<String, V> store(String name, StateCodec<V> codec) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), new StateSerde<>(name, codec, new SimpleMeterRegistry().counter("unreadable")))
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static TickSeries series(KeyValueStore<String, TickSecond> seconds) {
        return new TickSeries(seconds, 5_000, TREND_WINDOWS, 600_000, KEPT_MILLIS);
    }

    @BeforeEach
    void stores() {
        seconds = store("tick-seconds", StateCodecs.TICK_SECOND);
        symbols = store("tick-symbols", StateCodecs.MARKET_SYMBOL);
    }

    /** Random trades of a few symbols, some late, written as the tick channel writes them. */
    private List<String> trade(TickSeries series, int count, Random random) {
        Map<String, Double> prices = new HashMap<>();
        List<String> identities = new ArrayList<>();
        long time = T0;
        for (int n = 0; n < count; n++) {
            String sym = "S" + random.nextInt(3);
            boolean late = random.nextInt(20) == 0;
            time += random.nextInt(700);
            long at = late ? time - 2_000 - random.nextInt(30_000) : time;
            double price = prices.merge(sym, 100.0, (p, x) -> p * (1 + random.nextGaussian() * 0.002));
            String identity = "T|" + sym + "|" + n + "|" + at + "|4";
            MarketSymbol state = symbols.get(sym) == null ? MarketSymbol.EMPTY : symbols.get(sym);
            MarketSymbol added = series.add(sym, state, at, price, price, 1 + random.nextInt(500), identity);
            symbols.put(sym, added == null ? state : added);
            identities.add(sym + " " + at + " " + identity);
        }
        return identities;
    }

    @Test
    void aSeriesRebuiltFromItsStoresAnswersAsTheOneThatWroteThem() {
        TickSeries written = series(seconds);
        List<String> identities = trade(written, 3_000, new Random(5));

        TickSeries rebuilt = series(seconds);
        rebuilt.load(symbols);

        for (String sym : List.of("S0", "S1", "S2")) {
            TickState state = symbols.get(sym).tick();
            double price = symbols.get(sym).shared().lastPrice();
            SurgeDetector.Input surge = rebuilt.surgeInput(sym, state, price);
            assertThat(surge).isEqualTo(written.surgeInput(sym, state, price));
            TrendDetector.Input trend = rebuilt.trendInput(sym, state, price);
            TrendDetector.Input expected = written.trendInput(sym, state, price);
            assertThat(trend.before()).containsExactly(expected.before());
            assertThat(trend.points()).isEqualTo(expected.points());
            assertThat(trend.historyMillis()).isEqualTo(expected.historyMillis());
        }
        for (String seen : identities.subList(identities.size() - 300, identities.size())) {
            String[] parts = seen.split(" ");
            assertThat(rebuilt.seen(parts[0], symbols.get(parts[0]), Long.parseLong(parts[1]), parts[2]))
                    .as(seen).isTrue();
        }
        assertThat(rebuilt.seen("S0", symbols.get("S0"), symbols.get("S0").tick().lastSecond() * 1_000,
                "T|S0|never|0|4")).isFalse();
    }

    @Test
    void theStoreHoldsNoMoreSecondsThanAreKept() {
        trade(series(seconds), 6_000, new Random(9));

        Map<String, Long> oldest = new HashMap<>();
        Map<String, Integer> held = new HashMap<>();
        try (KeyValueIterator<String, TickSecond> all = seconds.all()) {
            while (all.hasNext()) {
                KeyValue<String, TickSecond> entry = all.next();
                String sym = entry.key.substring(0, entry.key.indexOf('@'));
                long second = Long.parseLong(entry.key.substring(entry.key.indexOf('@') + 1));
                oldest.merge(sym, second, Math::min);
                held.merge(sym, 1, Integer::sum);
            }
        }
        for (String sym : held.keySet()) {
            long newest = symbols.get(sym).tick().lastSecond();
            assertThat(newest - oldest.get(sym)).as(sym).isLessThanOrEqualTo(KEPT_MILLIS / 1_000);
            assertThat(held.get(sym)).as(sym).isLessThanOrEqualTo((int) (KEPT_MILLIS / 1_000) + 1);
        }
    }
}
