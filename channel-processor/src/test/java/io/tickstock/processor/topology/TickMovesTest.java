package io.tickstock.processor.topology;

import static io.tickstock.processor.topology.TickChannelTest.T0;
import static io.tickstock.processor.topology.TickChannelTest.WALL_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Trade;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tick channel's surge and trend detection, thresholds at, below and above each SPEC boundary. */
class TickMovesTest {

    private static final long SECOND = 1_000;

    private ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK));
    private int tradeId;

    @AfterEach
    void close() {
        processor.close();
    }

    private void trade(String sym, double price, long size, long time) {
        processor.send(new Trade(Feed.T, sym, 4, Integer.toString(++tradeId), null, price, size, null, time));
    }

    /** One trade of {@code size} at {@code price} in each of {@code seconds} seconds from T0. */
    private void steady(String sym, double price, long size, int seconds) {
        for (int s = 0; s < seconds; s++) {
            trade(sym, price, size, T0 + s * SECOND);
        }
    }

    private List<MarketEvent> only(EventType type) {
        return processor.events().stream().filter(e -> e.type() == type).toList();
    }

    // ---- surge: a 60 s baseline of 100 shares a second (500 per 5 s window); the window then holds 4 × 100 + size

    @ParameterizedTest(name = "${0} moved {1} % -> surge: {2}")
    @CsvSource(textBlock = """
            # base,  price,    fires   band
            # <$25: 4 % exactly, 3.95 %, 5 %
            20.00,   20.80,    true
            20.00,   20.79,    false
            20.00,   21.00,    true
            # <$100: 3 %
            50.00,   51.50,    true
            50.00,   51.49,    false
            # <$500: 2.5 %
            200.00,  205.00,   true
            200.00,  204.99,   false
            # else: 2 %, up and down
            600.00,  612.00,   true
            600.00,  611.99,   false
            600.00,  588.00,   true
            600.00,  588.01,   false
            """)
    void aSurgeNeedsTheBandsMove(double base, double price, boolean fires) {
        steady("SRG", base, 100, 60);

        trade("SRG", price, 1_000, T0 + 60 * SECOND);

        List<MarketEvent> surges = only(EventType.SURGE);
        assertThat(surges).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(surges.get(0).direction()).isEqualTo(price > base ? Direction.UP : Direction.DOWN);
            assertThat(surges.get(0).details()).containsEntry("volume", 1_400.0).containsEntry("avgVolume", 500.0);
        }
    }

    @ParameterizedTest(name = "window volume {0} vs 1.3 x 500 -> surge: {1}")
    @CsvSource({"250, true", "249, false", "5000, true"})
    void aSurgeNeedsOnePointThreeTimesTheAverageWindowVolume(long size, boolean fires) {
        steady("VOL", 20.00, 100, 60);

        trade("VOL", 21.00, size, T0 + 60 * SECOND);

        assertThat(only(EventType.SURGE)).hasSize(fires ? 1 : 0);
    }

    @ParameterizedTest(name = "baseline of {0} s -> surge: {1}")
    @CsvSource({"29, false", "30, true"})
    void aSurgeWaitsForThirtySecondsOfBaseline(int baselineSeconds, boolean fires) {
        // the window is the 5 s ending with the surging trade: seconds before it are the baseline
        steady("WRM", 20.00, 100, baselineSeconds + 4);

        trade("WRM", 21.00, 5_000, T0 + (baselineSeconds + 4) * SECOND);

        assertThat(only(EventType.SURGE)).hasSize(fires ? 1 : 0);
    }

    @Test
    void surgesCoolDownFiveSecondsPerDirection() {
        steady("CDN", 20.00, 100, 60);
        long s = T0 + 60 * SECOND;
        trade("CDN", 21.00, 5_000, s);
        trade("CDN", 22.00, 5_000, s + 3 * SECOND);
        trade("CDN", 19.00, 9_000, s + 4 * SECOND);
        trade("CDN", 23.00, 20_000, s + 5 * SECOND);

        assertThat(only(EventType.SURGE)).extracting(MarketEvent::eventTime, MarketEvent::direction)
                .containsExactly(tuple(s, Direction.UP), tuple(s + 4 * SECOND, Direction.DOWN),
                        tuple(s + 5 * SECOND, Direction.UP));
    }

    // ---- trend: 200 s steady, then a move; every window reaches back to the steady price, so score = the move %

    @ParameterizedTest(name = "move {0} % -> trend {1}")
    @CsvSource({"0.6, UP", "0.59, ", "-0.6, DOWN", "-0.59, ", "2, UP"})
    void aTrendFiresAtAScoreOfPointSix(double percent, Direction direction) {
        steady("TRD", 100.00, 100, 200);

        trade("TRD", 100.00 * (1 + percent / 100), 100, T0 + 200 * SECOND);

        List<MarketEvent> trends = only(EventType.TREND);
        assertThat(trends).hasSize(direction == null ? 0 : 1);
        if (direction != null) {
            assertThat(trends.get(0).direction()).isEqualTo(direction);
            assertThat(trends.get(0).details().get("score")).isCloseTo(percent, offset(1e-6));
            assertThat(trends.get(0).priority()).isEqualTo(2);
        }
    }

    @Test
    void theScoreWeighsTheThreeWindows() {
        // 100 at -600 s .. -361 s, 101 at -360 s .. -181 s, 102 at -180 s .. -1 s, then 102.5:
        // r180 = 0.4902 %, r360 = 1.4851 %, r600 = 2.5 %  ->  0.3 r180 + 0.4 r360 + 0.3 r600 = 1.4911
        for (int s = 0; s <= 600; s++) {
            double price = s < 240 ? 100 : s < 420 ? 101 : 102;
            trade("WGT", s == 600 ? 102.5 : price, 100, T0 + s * SECOND);
        }
        double expected = 0.3 * (102.5 - 102) / 102 * 100 + 0.4 * (102.5 - 101) / 101 * 100
                + 0.3 * (102.5 - 100) / 100 * 100;

        List<MarketEvent> trends = only(EventType.TREND);
        assertThat(trends).isNotEmpty();
        MarketEvent last = trends.get(trends.size() - 1);
        assertThat(last.eventTime()).isEqualTo(T0 + 600 * SECOND);
        assertThat(last.details().get("score")).isCloseTo(expected, offset(1e-6));
    }

    @ParameterizedTest(name = "{0} points over {1} s -> trend: {2}")
    @CsvSource({"29, 203, false", "30, 203, true", "40, 179, false", "40, 180, true"})
    void aTrendNeedsThirtyPointsAndThreeMinutesOfHistory(int points, int spanSeconds, boolean fires) {
        // points - 1 steady samples spread over the span, then the moving one at its end
        for (int i = 0; i < points - 1; i++) {
            trade("HST", 100.00, 100, T0 + (long) i * spanSeconds / (points - 1) * SECOND);
        }
        trade("HST", 101.00, 100, T0 + spanSeconds * SECOND);

        assertThat(only(EventType.TREND)).hasSize(fires ? 1 : 0);
    }

    @Test
    void atMostOneTrendPerSymbolPerMinute() {
        steady("ONE", 100.00, 100, 200);
        long s = T0 + 200 * SECOND;
        trade("ONE", 101.00, 100, s);
        trade("ONE", 99.00, 100, s + 59 * SECOND);
        trade("ONE", 98.00, 100, s + 60 * SECOND);

        assertThat(only(EventType.TREND)).extracting(MarketEvent::eventTime, MarketEvent::direction)
                .containsExactly(tuple(s, Direction.UP), tuple(s + 60 * SECOND, Direction.DOWN));
    }

    @Test
    void perSecondBarsFeedTheSeriesOfSymbolsWithoutTrades() {
        for (int s = 0; s < 200; s++) {
            long start = T0 + s * SECOND;
            processor.send(Aggregate.bar(Feed.A, "BAR", 100, 100, 100, 100, 100, start, start + SECOND));
        }
        long start = T0 + 200 * SECOND;
        processor.send(Aggregate.bar(Feed.A, "BAR", 100, 101, 100, 101, 100, start, start + SECOND));

        assertThat(only(EventType.TREND)).extracting(MarketEvent::direction).containsExactly(Direction.UP);
    }

    @Test
    void perSecondBarsOfSecondsWithTradesDoNotCountTheirVolumeAgain() {
        steady("DUP", 20.00, 100, 60);
        long s = T0 + 60 * SECOND;
        trade("DUP", 20.00, 100, s);
        // the bar of the second just traded repeats its volume: it must not make the next trade a surge
        processor.send(Aggregate.bar(Feed.A, "DUP", 20.00, 20.00, 20.00, 20.00, 100_000, s, s + SECOND));
        trade("DUP", 21.00, 200, s + SECOND);

        assertThat(only(EventType.SURGE)).isEmpty();
    }

    @Test
    void aTradeOfAnEarlierSecondStillMovesTheExtremesButNotTheSeries() {
        steady("LATE", 20.00, 100, 60);
        trade("LATE", 20.00, 100, T0 + 60 * SECOND);

        trade("LATE", 21.00, 100_000, T0 + 50 * SECOND);

        assertThat(processor.events()).extracting(MarketEvent::type).containsExactly(EventType.HIGH);
        assertThat(processor.counter("tickstock.channel.processed", "channel", "tick")).isEqualTo(62);
    }

    @Test
    void highsOfFocusSymbolsAreRaisedInTheFirstHalfHourOfTheRegularSession() {
        long open = Instant.parse("2024-03-12T13:30:00Z").toEpochMilli();  // 09:30 New York (EDT)
        // within the first 30 minutes, at exactly 30 minutes, and for a symbol that is not a focus symbol
        double price = 500;
        for (long time : List.of(open + 2 * SECOND, open + 30 * 60 * SECOND)) {
            trade("SPY", price, 100, time - 2 * SECOND);
            trade("AAPL", price, 100, time - 2 * SECOND);
            trade("SPY", price + 10, 100, time);
            trade("AAPL", price + 10, 100, time);
            price += 100;
        }

        // the second round's first trades (09:59:58) are new highs too, still inside the window
        assertThat(only(EventType.HIGH)).extracting(MarketEvent::symbol, MarketEvent::priority)
                .containsExactly(tuple("SPY", 0), tuple("AAPL", 1), tuple("SPY", 0), tuple("AAPL", 1),
                        tuple("SPY", 1), tuple("AAPL", 1));
    }

    // ---- a corrupted timestamp: found by HostileInputIT (a fuzzed trade dated years ahead)

    @Test
    void aTradeDatedFarAheadCostsOnlyItsOwnSymbolsSeries() {
        steady("NRM", 20.00, 100, 60);
        trade("FWD", 50.00, 100, T0);

        // each symbol keeps its own seconds: a date years ahead moves FWD's series there, and no one else's
        trade("FWD", 50.10, 100, T0 + 400L * 24 * 3_600 * SECOND);
        trade("NRM", 21.00, 1_000, T0 + 60 * SECOND);
        trade("NRM", 21.50, 100, T0 + 61 * SECOND);
        trade("FWD", 50.20, 100, T0 + 61 * SECOND);

        assertThat(processor.counter("tickstock.channel.dlq")).as("no record dead-lettered").isZero();
        assertThat(processor.events()).filteredOn(e -> e.symbol().equals("NRM"))
                .extracting(MarketEvent::type, MarketEvent::price)
                .as("NRM's highs and its surge, on its own history")
                .containsExactly(tuple(EventType.HIGH, 21.00), tuple(EventType.SURGE, 21.00),
                        tuple(EventType.HIGH, 21.50));
        assertThat(processor.counter("tickstock.channel.filtered", "reason", "late"))
                .as("FWD's next trade is behind its own series now").isEqualTo(1);
    }
}
