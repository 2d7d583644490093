package io.tickstock.processor.topology;

import static io.tickstock.processor.topology.TickChannelTest.T0;
import static io.tickstock.processor.topology.TickChannelTest.WALL_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OHLCV channel: every bar event at, below and above its threshold, the noise filter, warm-up and history. */
class OhlcvChannelTest {

    private static final long MINUTE = 60_000;

    private ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK));

    @AfterEach
    void close() {
        processor.close();
    }

    /** The {@code i}-th minute bar from T0; its high and low just bound open and close. */
    private void bar(String sym, int i, double o, double c, long v) {
        long s = T0 + i * MINUTE;
        processor.send(Aggregate.bar(Feed.AM, sym, o, Math.max(o, c), Math.min(o, c), c, v, s, s + MINUTE));
    }

    /** {@code n} quiet bars of volume {@code v}: open = close = 100. */
    private void quiet(String sym, int n, long v) {
        for (int i = 0; i < n; i++) {
            bar(sym, i, 100, 100, v);
        }
    }

    private List<MarketEvent> barEvents() {
        return processor.events().stream().filter(e -> e.channel() == Channel.OHLCV).toList();
    }

    @ParameterizedTest(name = "{0} previous bars, volume {1} vs mean 1000 -> spike: {2}")
    @CsvSource({"5, 3000, true", "5, 2999, false", "5, 9000, true", "4, 9000, false", "10, 3000, true"})
    void aVolumeSpikeIsThreeTimesTheMeanOfAtLeastFivePreviousBars(int previous, long volume, boolean fires) {
        quiet("SPK", previous, 1_000);

        bar("SPK", previous, 100, 100.5, volume);

        List<MarketEvent> spikes = barEvents().stream().filter(e -> e.type() == EventType.VOLUME_SPIKE).toList();
        assertThat(spikes).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(spikes.get(0).details()).containsEntry("avgVolume", 1_000.0)
                    .containsEntry("volume", (double) volume);
            assertThat(spikes.get(0).priority()).isEqualTo(2);
            assertThat(spikes.get(0).source().feed()).isEqualTo(Feed.AM);
        }
    }

    @Test
    void theSpikeMeanIsOverTheLastTenBarsOnly() {
        quiet("TEN", 1, 100_000);
        for (int i = 1; i <= 10; i++) {
            bar("TEN", i, 100, 100, 1_000);
        }

        bar("TEN", 11, 100, 100.5, 3_000);

        assertThat(barEvents()).extracting(MarketEvent::type).contains(EventType.VOLUME_SPIKE);
    }

    @ParameterizedTest(name = "{0} -> {1} -> {2}")
    @CsvSource({"100, 102, BREAKOUT", "100, 101.99, ", "100, 98, BREAKDOWN", "100, 98.01, ", "50, 55, BREAKOUT"})
    void aBreakoutOrBreakdownIsACloseTwoPercentFromTheOpen(double open, double close, EventType type) {
        // the first bar: no previous bars, so neither noise nor the other events apply
        bar("BRK", 0, open, close, 1_000);

        assertThat(barEvents()).extracting(MarketEvent::type).containsExactlyElementsOf(
                type == null ? List.of() : List.of(type));
    }

    @ParameterizedTest(name = "{0} previous closes, close {1} -> {2}")
    @CsvSource({"4, 103.01, HIGH_CLOSE", "4, 103, ", "3, 110, ", "4, 99.99, LOW_CLOSE", "4, 100, "})
    void aHighOrLowCloseBeatsEveryCloseOfAtLeastFourPreviousBars(int previous, double close, EventType type) {
        for (int i = 0; i < previous; i++) {
            bar("CLS", i, 100 + i, 100 + i, 1_000);
        }

        // volume 1 500 is not ordinary (1.5 x the mean), so the noise filter stays out of it
        bar("CLS", previous, close, close, 1_500);

        assertThat(barEvents()).extracting(MarketEvent::type).containsExactlyElementsOf(
                type == null ? List.of() : List.of(type));
    }

    @Test
    void closesAreComparedWithTheLastNineBarsOnly() {
        bar("NIN", 0, 120, 120, 1_000);
        for (int i = 1; i <= 9; i++) {
            bar("NIN", i, 100, 100, 1_000);
        }

        bar("NIN", 10, 101, 101, 1_500);

        assertThat(barEvents()).extracting(MarketEvent::type, MarketEvent::direction)
                .containsExactly(tuple(EventType.HIGH_CLOSE, Direction.UP));
    }

    @ParameterizedTest(name = "move {0} %, volume {1} -> noise: {2}")
    @CsvSource({"0.99, 1499, true", "1.0, 1499, false", "0.99, 1500, false", "-0.99, 1499, true"})
    void aSmallQuietBarIsNoise(double percent, long volume, boolean noise) {
        quiet("NSE", 5, 1_000);

        // the quiet bars after the first are noise themselves
        double before = processor.counter("tickstock.channel.filtered", "channel", "ohlcv", "reason", "noise");

        // a close above (below) every previous close: a high_close (low_close), unless the filter holds it back
        bar("NSE", 5, 100, 100 * (1 + percent / 100), volume);

        assertThat(barEvents()).hasSize(noise ? 0 : 1);
        assertThat(processor.counter("tickstock.channel.filtered", "channel", "ohlcv", "reason", "noise") - before)
                .isEqualTo(noise ? 1 : 0);
    }

    /** 105 → 106.05 is 1 % in decimal and 0.99999999999997 % in binary: it reaches the threshold all the same. */
    @Test
    void aMoveOfExactlyOnePercentIsNotNoiseWhateverTheRounding() {
        quiet("ONE", 5, 1_000);

        bar("ONE", 5, 105, 106.05, 1_000);

        assertThat(barEvents()).extracting(MarketEvent::type).containsExactly(EventType.HIGH_CLOSE);
    }

    @Test
    void aNoisyBarStillJoinsTheHistory() {
        quiet("HIS", 5, 1_000);
        bar("HIS", 5, 100, 100.9, 1_000);

        // compared with closes up to 100.9, a close of 100.95 on loud volume is a high close
        bar("HIS", 6, 100.95, 100.95, 5_000);

        assertThat(barEvents()).extracting(MarketEvent::type)
                .containsExactly(EventType.VOLUME_SPIKE, EventType.HIGH_CLOSE);
    }

    @Test
    void aBarsHighAndLowMoveTheSharedSessionExtremes() {
        long s = T0;
        processor.send(Aggregate.bar(Feed.AM, "EXT", 100, 100.5, 99.5, 100.2, 1_000, s, s + MINUTE));
        processor.send(Aggregate.bar(Feed.AM, "EXT", 100.2, 101.0, 99.0, 100.3, 1_000, s + MINUTE, s + 2 * MINUTE));

        List<MarketEvent> extremes = processor.events().stream().filter(e -> e.channel() == Channel.TICK).toList();
        assertThat(extremes).extracting(MarketEvent::type, MarketEvent::price, MarketEvent::priority)
                .containsExactly(tuple(EventType.HIGH, 101.0, 1), tuple(EventType.LOW, 99.0, 1));
        assertThat(extremes.get(0).source().feed()).isEqualTo(Feed.AM);
    }

    @Test
    void aBarNoLaterThanTheNewestFiresNoBarEvents() {
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            bar("LTE", i, 100, 100, 1_000);
        }

        // minute 3 was never seen (so the dedup store passes it), but minute 5 was: it is late
        bar("LTE", 3, 100, 110, 50_000);

        assertThat(barEvents()).isEmpty();
        assertThat(processor.counter("tickstock.channel.filtered", "channel", "ohlcv", "reason", "late")).isEqualTo(1);
    }

    @Test
    void manySymbolsInOneMinuteKeepTheirOwnHistories() {
        for (int i = 0; i < 6; i++) {
            for (int sym = 0; sym < 50; sym++) {
                bar("S" + sym, i, 100, 100, 1_000L * (sym + 1));
            }
        }
        for (int sym = 0; sym < 50; sym++) {
            bar("S" + sym, 6, 100, 100.5, 3_000L * (sym + 1));
        }

        // each symbol against its own mean: a spike, and a close above its five flat closes
        assertThat(barEvents()).hasSize(100).extracting(MarketEvent::symbol, MarketEvent::type)
                .contains(tuple("S0", EventType.VOLUME_SPIKE), tuple("S49", EventType.HIGH_CLOSE));
        assertThat(processor.counter("tickstock.channel.emitted", "type", "volume_spike")).isEqualTo(50);
    }
}
