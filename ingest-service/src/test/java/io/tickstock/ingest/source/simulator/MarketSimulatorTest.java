package io.tickstock.ingest.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.ingest.validate.Rules;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketSimulatorTest {

    /** 14:30:17.250 UTC: mid-minute and mid-second, as a real start would be. */
    private static final long START = Instant.parse("2024-01-02T14:30:17.250Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static MarketSimulator simulator(String profile, long seed, double duplicates) {
        SimulatorProfile p = SimulatorProfile.named(profile);
        int needed = Math.max(p.ohlcvSymbols(), Math.max(p.tickSymbols(), p.fmvSymbols()));
        return new MarketSimulator(p, Universe.symbols(List.of(), needed), seed, duplicates, START);
    }

    /** Every message due before {@code until} (simulated time). */
    private static List<MarketSimulator.Timed> until(MarketSimulator simulator, long until) {
        List<MarketSimulator.Timed> out = new ArrayList<>();
        while (simulator.peekTime() < until) {
            out.add(simulator.next());
        }
        return out;
    }

    private static long firstBoundary() {
        return (START / MINUTE + 1) * MINUTE;
    }

    @Test
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnother() {
        List<MarketSimulator.Timed> first = until(simulator("demo", 7, 0.05), START + 90_000);
        List<MarketSimulator.Timed> again = until(simulator("demo", 7, 0.05), START + 90_000);
        List<MarketSimulator.Timed> other = until(simulator("demo", 8, 0.05), START + 90_000);

        assertThat(first).hasSizeGreaterThan(5_000).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    /** SPEC §9: symbol counts and messages per minute, per feed, exactly; AM arrives as one burst per minute. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "market_open_surge, 8000, 100, 500, 30000, 6000, 6000, 50000",
        "steady_state,      8000, 500, 1000, 1000,  500,  500, 10000",
        "demo,                40,  30,   24, 3600, 1800,  480,  5920"})
    void loadProfilesHaveTheirExactSymbolCountsAndRates(String profile, int ohlcv, int tick, int fmv, long trades,
            long secondBars, long quotes, long total) {
        long from = firstBoundary();
        List<MarketSimulator.Timed> twoMinutes = until(simulator(profile, 42, 0), from + 2 * MINUTE).stream()
                .filter(t -> t.time() >= from).toList();
        List<MarketSimulator.Timed> oneMinute = twoMinutes.stream().filter(t -> t.time() < from + MINUTE).toList();

        Map<Feed, Long> perMinute = countByFeed(oneMinute);
        assertThat(perMinute).containsEntry(Feed.T, trades).containsEntry(Feed.A, secondBars)
                .containsEntry(Feed.FMV, quotes).containsEntry(Feed.AM, (long) ohlcv);
        assertThat(oneMinute).hasSize((int) total);
        assertThat(SimulatorProfile.named(profile).messagesPerMinute()).isEqualTo(total);

        assertThat(symbols(twoMinutes, Feed.AM)).hasSize(ohlcv);
        assertThat(symbols(twoMinutes, Feed.T)).hasSize(tick);
        assertThat(symbols(twoMinutes, Feed.A)).hasSize(tick);
        assertThat(symbols(twoMinutes, Feed.FMV)).hasSize(fmv);
        // the minute bars come as one burst at the boundary
        assertThat(oneMinute.stream().filter(t -> t.msg().ev() == Feed.AM).map(MarketSimulator.Timed::time))
                .containsOnly(from);
    }

    private static Map<Feed, Long> countByFeed(List<MarketSimulator.Timed> messages) {
        Map<Feed, Long> counts = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            counts.put(feed, messages.stream().filter(t -> t.msg().ev() == feed).count());
        }
        return counts;
    }

    private static Set<String> symbols(List<MarketSimulator.Timed> messages, Feed feed) {
        return messages.stream().filter(t -> t.msg().ev() == feed).map(t -> t.msg().sym()).collect(Collectors.toSet());
    }

    @Test
    void barsAreAlignedToWallClockMinutesAndSecondsAndAgreeWithTheirTrades() {
        List<MarketSimulator.Timed> run = until(simulator("market_open_surge", 3, 0), firstBoundary() + 2 * MINUTE);
        Map<String, List<Trade>> tradesByMinute = new HashMap<>();
        for (MarketSimulator.Timed timed : run) {
            MarketMessage msg = timed.msg();
            if (msg instanceof Trade trade) {
                assertThat(timed.time()).isEqualTo(trade.t());
                tradesByMinute.computeIfAbsent(trade.sym() + "@" + trade.t() / MINUTE * MINUTE, k -> new ArrayList<>())
                        .add(trade);
            } else if (msg instanceof Aggregate bar) {
                long length = bar.ev() == Feed.AM ? MINUTE : 1_000;
                assertThat(bar.s() % length).isZero();
                assertThat(bar.e()).isEqualTo(bar.s() + length).isEqualTo(timed.time());
                assertThat(bar.h()).isGreaterThanOrEqualTo(Math.max(bar.o(), bar.c()));
                assertThat(bar.l()).isLessThanOrEqualTo(Math.min(bar.o(), bar.c()));
                assertThat(bar.vw()).isBetween(bar.l(), bar.h());
            }
        }
        long checked = run.stream().map(MarketSimulator.Timed::msg)
                .filter(m -> m.ev() == Feed.AM && ((Aggregate) m).s() >= firstBoundary() - MINUTE)
                .map(Aggregate.class::cast)
                .filter(bar -> tradesByMinute.containsKey(bar.sym() + "@" + bar.s()))
                .peek(bar -> {
                    List<Trade> trades = tradesByMinute.get(bar.sym() + "@" + bar.s());
                    assertThat(bar.v()).isEqualTo(trades.stream().mapToLong(Trade::s).sum());
                    assertThat(bar.h()).isEqualTo(trades.stream().mapToDouble(Trade::p).max().orElseThrow());
                    assertThat(bar.l()).isEqualTo(trades.stream().mapToDouble(Trade::p).min().orElseThrow());
                    assertThat(bar.c()).isEqualTo(trades.get(trades.size() - 1).p());
                })
                .count();
        assertThat(checked).as("bars of traded symbols checked against their trades").isGreaterThanOrEqualTo(100);
    }

    @Test
    void everythingItSendsPassesTheBoundaryRules() {
        Rules rules = new Rules(Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC), Duration.ofDays(1));
        for (String profile : List.of("demo", "market_open_surge", "steady_state", "trades")) {
            until(simulator(profile, 11, 0.01), START + 65_000).forEach(t -> rules.check(t.msg()));
        }
    }

    @Test
    void fmvComesWithAndWithoutMarketPriceAndConfidence() {
        List<FairMarketValue> quotes = until(simulator("demo", 5, 0), START + 10_000).stream()
                .map(MarketSimulator.Timed::msg).filter(FairMarketValue.class::isInstance)
                .map(FairMarketValue.class::cast).toList();

        assertThat(quotes).anyMatch(q -> q.mp() != null && q.conf() != null);
        assertThat(quotes).anyMatch(q -> q.mp() == null && q.conf() == null);
        assertThat(quotes).allMatch(q -> q.t() / 1_000_000 >= START && q.t() % 1_000_000 >= 0);
        assertThat(quotes.stream().map(FairMarketValue::identity).distinct()).hasSize(quotes.size());
    }

    @Test
    void injectedDuplicatesAreExactReSendsAtTheConfiguredRate() {
        List<MarketSimulator.Timed> run = until(simulator("demo", 9, 0.05), START + 120_000);
        List<MarketSimulator.Timed> originals = run.stream().filter(t -> !t.duplicate()).toList();
        List<MarketSimulator.Timed> copies = run.stream().filter(MarketSimulator.Timed::duplicate).toList();
        Set<MarketMessage> sentBefore = new HashSet<>();
        Set<String> identities = new HashSet<>();

        for (MarketSimulator.Timed timed : run) {
            if (timed.duplicate()) {
                assertThat(sentBefore).as("a duplicate re-sends a message already sent").contains(timed.msg());
            } else {
                assertThat(identities.add(timed.msg().identity())).as("unique %s", timed.msg().identity()).isTrue();
                sentBefore.add(timed.msg());
            }
        }
        assertThat((double) copies.size() / originals.size()).isBetween(0.045, 0.055);
    }

    @Test
    void timeOnlyMovesForwardAndNothingIsSentBeforeItHappened() {
        List<MarketSimulator.Timed> run = until(simulator("demo", 4, 0.02), START + 150_000);
        long last = Long.MIN_VALUE;
        for (MarketSimulator.Timed timed : run) {
            assertThat(timed.time()).isGreaterThanOrEqualTo(last);
            assertThat(timed.msg().eventTime()).isLessThanOrEqualTo(timed.time());
            last = timed.time();
        }
    }

    @Test
    void theDemoStartsWithSixBackfilledMinutesPerBarSymbol() {
        MarketSimulator demo = simulator("demo", 42, 0);
        List<MarketSimulator.Timed> atStart = until(demo, demo.start() + 1);
        long currentMinute = START / MINUTE * MINUTE;

        assertThat(atStart).hasSize(6 * 40).allMatch(t -> t.msg().ev() == Feed.AM && t.time() == demo.start());
        assertThat(atStart.stream().map(t -> ((Aggregate) t.msg()).s()).distinct().sorted().toList())
                .containsExactly(currentMinute - 6 * MINUTE, currentMinute - 5 * MINUTE, currentMinute - 4 * MINUTE,
                        currentMinute - 3 * MINUTE, currentMinute - 2 * MINUTE, currentMinute - MINUTE);
    }

    @Test
    void theTradesProfileSendsOnlyTradesOverItsSymbols() {
        MarketSimulator trades = simulator("trades", 1, 0);
        List<MarketSimulator.Timed> run = until(trades, trades.start() + 5_000);

        assertThat(run).hasSize(5 * 200).allMatch(t -> t.msg().ev() == Feed.T);
        assertThat(symbols(run, Feed.T)).hasSize(20).contains("AAPL", "MSFT", "DIS").doesNotContain("WMT");
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> SimulatorProfile.named("rush_hour")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("market_open_surge");
        assertThatThrownBy(() -> simulator("demo", 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketSimulator(SimulatorProfile.named("demo"), List.of("A"), 1, 0, START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatorProfile("x", 0, 0, 0, 10, 0, 0, 0, 0, java.util.Optional.empty(), 0,
                false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void universeStartsWithExplicitThenKnownThenGeneratedSymbols() {
        assertThat(Universe.symbols(List.of("ZZZ", "AAPL"), 4)).containsExactly("ZZZ", "AAPL", "MSFT", "NVDA");
        assertThat(Universe.symbols(List.of(), 52)).endsWith("COST", "SYM0001", "SYM0002");
    }

    @Test
    void pricesRoundToCentsAboveADollarAndNeverToZero() {
        assertThat(Prices.round(12.3456)).isEqualTo(12.35);
        assertThat(Prices.round(0.123456)).isEqualTo(0.1235);
        assertThat(Prices.round(0.00001)).isEqualTo(0.0001);
    }
}
