package io.tickstock.processor.topology;

import static io.tickstock.processor.topology.TickChannelTest.T0;
import static io.tickstock.processor.topology.TickChannelTest.WALL_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Trade;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FMV channel: deviation, confidence, staleness and re-emission at, below and above each boundary. */
class FmvChannelTest {

    private static final long SECOND = 1_000;
    private static final long NANOS = 1_000_000;

    private ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK));
    private int tradeId;

    @AfterEach
    void close() {
        processor.close();
    }

    private void quote(String sym, double fmv, Double mp, Double conf, long timeMillis) {
        processor.send(new FairMarketValue(Feed.FMV, sym, fmv, mp, conf, timeMillis * NANOS));
    }

    private void trade(String sym, double price, long time) {
        processor.send(new Trade(Feed.T, sym, 4, Integer.toString(++tradeId), null, price, 100, null, time));
    }

    private List<MarketEvent> deviations() {
        return processor.events().stream().filter(e -> e.type() == EventType.FMV_DEVIATION).toList();
    }

    private double filtered(String reason) {
        return processor.counter("tickstock.channel.filtered", "channel", "fmv", "reason", reason);
    }

    @ParameterizedTest(name = "fmv {0} vs mp 100 -> {1}, P{2}")
    @CsvSource({"101, UNDERVALUED, 3", "100.99, , ", "99, OVERVALUED, 3", "99.01, , ", "104.99, UNDERVALUED, 3",
        "105, UNDERVALUED, 2", "95, OVERVALUED, 2"})
    void aDeviationOfOnePercentFiresAndFivePercentIsP2(double fmv, Direction direction, Integer priority) {
        quote("DEV", fmv, 100.0, 0.9, T0);

        List<MarketEvent> events = deviations();
        assertThat(events).extracting(MarketEvent::direction, MarketEvent::priority).containsExactlyElementsOf(
                direction == null ? List.of() : List.of(tuple(direction, priority)));
    }

    @Test
    void theEventCarriesTheQuoteInMillisecondsAndItsNumbers() {
        long nanos = T0 * NANOS + 123_456;
        FairMarketValue quote = new FairMarketValue(Feed.FMV, "NUM", 102, 100.0, 0.8, nanos);
        processor.send(quote);

        MarketEvent event = deviations().get(0);
        assertThat(event.eventTime()).isEqualTo(T0);
        assertThat(event.source().providerTs()).isEqualTo(T0);
        assertThat(event.source().msgId()).isEqualTo("FMV|NUM|" + nanos);
        assertThat(event.price()).isEqualTo(100.0);
        assertThat(event.details()).containsEntry("fmv", 102.0).containsEntry("marketPrice", 100.0)
                .containsEntry("deviation", 2.0).containsEntry("confidence", 0.8);
    }

    @ParameterizedTest(name = "conf {0} -> fires: {1}")
    @CsvSource({"0.7, true", "0.69, false", "1.0, true", "0, false"})
    void aQuoteBelowSevenTenthsConfidenceIsFiltered(double conf, boolean fires) {
        quote("CNF", 110, 100.0, conf, T0);

        assertThat(deviations()).hasSize(fires ? 1 : 0);
        assertThat(filtered("low_confidence")).isEqualTo(fires ? 0 : 1);
    }

    @ParameterizedTest(name = "last price {0} ms old -> confidence {1}")
    @CsvSource({"0, 1.0", "5000, 1.0", "273500, 0.7", "452500, 0.5"})
    void withoutMpOrConfTheLastPriceAndItsAgeDecide(long age, double confidence) {
        trade("AGE", 100, T0);

        quote("AGE", 110, null, null, T0 + age);

        List<MarketEvent> events = deviations();
        if (confidence >= 0.7) {
            assertThat(events).hasSize(1);
            assertThat(events.get(0).price()).isEqualTo(100.0);
            assertThat(events.get(0).details().get("confidence")).isCloseTo(confidence, offset(1e-9));
        } else {
            assertThat(events).isEmpty();
            assertThat(filtered("low_confidence")).isEqualTo(1);
        }
    }

    @Test
    void justPastSevenTenthsOfTheAgeRangeIsTooUncertain() {
        trade("OLD", 100, T0);

        quote("OLD", 110, null, null, T0 + 273_501);

        assertThat(deviations()).isEmpty();
    }

    @Test
    void withoutAnyMarketPriceNothingFires() {
        quote("NMP", 110, null, 0.99, T0);

        assertThat(deviations()).isEmpty();
        assertThat(filtered("no_market_price")).isEqualTo(1);
    }

    @ParameterizedTest(name = "quote {0} ms behind the newest event -> stale: {1}")
    @CsvSource({"900000, false", "900001, true"})
    void aQuoteMoreThanFifteenMinutesBehindIsIgnored(long behind, boolean stale) {
        trade("STL", 100, T0 + behind);

        quote("STL", 110, 100.0, 0.9, T0);

        assertThat(deviations()).hasSize(stale ? 0 : 1);
        assertThat(filtered("stale")).isEqualTo(stale ? 1 : 0);
    }

    @Test
    void aDirectionFiresAgainAfterAMinuteOrWhenTheDeviationGrewByAPoint() {
        quote("REM", 102, 100.0, 0.9, T0);
        quote("REM", 102.5, 100.0, 0.9, T0 + 30 * SECOND);
        quote("REM", 95, 100.0, 0.9, T0 + 31 * SECOND);
        quote("REM", 102.99, 100.0, 0.9, T0 + 40 * SECOND);
        quote("REM", 103, 100.0, 0.9, T0 + 41 * SECOND);
        quote("REM", 103, 100.0, 0.9, T0 + 100 * SECOND);
        quote("REM", 103, 100.0, 0.9, T0 + 101 * SECOND);

        assertThat(deviations()).extracting(e -> e.eventTime() - T0, MarketEvent::direction).containsExactly(
                tuple(0L, Direction.UNDERVALUED),
                tuple(31 * SECOND, Direction.OVERVALUED),
                tuple(41 * SECOND, Direction.UNDERVALUED),
                tuple(101 * SECOND, Direction.UNDERVALUED));
    }

    @Test
    void aQuoteNoNewerThanTheLastIsLate() {
        quote("LAT", 100, 100.0, 0.9, T0 + SECOND);

        quote("LAT", 110, 100.0, 0.9, T0);

        assertThat(deviations()).isEmpty();
        assertThat(filtered("late")).isEqualTo(1);
    }
}
