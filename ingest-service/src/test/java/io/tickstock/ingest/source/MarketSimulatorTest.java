package io.tickstock.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.Trade;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    private static List<Trade> run(long seed, int trades) {
        MarketSimulator simulator = new MarketSimulator(seed, MarketSimulator.symbols(5), 0.001);
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < trades; i++) {
            out.add(simulator.nextTrade(1_700_000_000_000L + i));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameTrades() {
        assertThat(run(7, 500)).isEqualTo(run(7, 500));
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        assertThat(run(7, 50)).isNotEqualTo(run(8, 50));
    }

    @Test
    void tradesArePlausibleAndUniquelyIdentified() {
        List<Trade> trades = run(1, 5_000);
        Set<String> identities = new HashSet<>();

        for (Trade trade : trades) {
            assertThat(trade.p()).isPositive();
            assertThat(Math.abs(trade.p() * 100 - Math.round(trade.p() * 100))).isLessThan(1e-6);
            assertThat(trade.s()).isPositive();
            assertThat(identities.add(trade.identity())).as("unique identity %s", trade.identity()).isTrue();
        }
        assertThat(trades).extracting(Trade::sym).containsOnly("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL");
    }

    @Test
    void pricesWalkRatherThanJump() {
        List<Trade> trades = run(3, 2_000);
        for (String symbol : MarketSimulator.symbols(5)) {
            List<Double> prices = trades.stream().filter(t -> t.sym().equals(symbol)).map(Trade::p).toList();
            for (int i = 1; i < prices.size(); i++) {
                assertThat(Math.abs(prices.get(i) / prices.get(i - 1) - 1)).isLessThan(0.01);
            }
            assertThat(new HashSet<>(prices)).hasSizeGreaterThan(10);
        }
    }

    @Test
    void generatedSymbolsContinuePastTheKnownNames() {
        List<String> symbols = MarketSimulator.symbols(22);

        assertThat(symbols).hasSize(22).doesNotHaveDuplicates().startsWith("AAPL").endsWith("SYM0001", "SYM0002");
    }

    @Test
    void roundsToCentsAboveADollarAndNeverToZero() {
        assertThat(MarketSimulator.roundToTick(12.3456)).isEqualTo(12.35);
        assertThat(MarketSimulator.roundToTick(0.123456)).isEqualTo(0.1235);
        assertThat(MarketSimulator.roundToTick(0.00001)).isEqualTo(0.0001);
    }

    @Test
    void refusesAnEmptyMarket() {
        assertThatThrownBy(() -> new MarketSimulator(1, List.of(), 0.001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
