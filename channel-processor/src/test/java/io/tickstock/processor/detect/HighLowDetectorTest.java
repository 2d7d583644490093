package io.tickstock.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.model.EventType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighLowDetectorTest {

    private static final long OPEN = LocalDateTime.parse("2024-03-12T10:00:00")
            .atZone(SessionCalendar.NEW_YORK).toInstant().toEpochMilli();
    private static final long SECOND = 1_000;

    private final HighLowDetector detector = new HighLowDetector(SessionCalendar.REGULAR, Duration.ofSeconds(1));
    private SessionExtremes state;

    /** Feeds one trade price and returns the events it fired. */
    private List<HighLowDetector.Extreme> trade(double price, long time) {
        HighLowDetector.Outcome outcome = detector.observe(state, price, price, time);
        state = outcome.state();
        return outcome.extremes();
    }

    private List<EventType> types(List<HighLowDetector.Extreme> extremes) {
        List<EventType> types = new ArrayList<>();
        extremes.forEach(e -> types.add(e.type()));
        return types;
    }

    @Test
    void theFirstPriceOfASessionSeedsWithoutAnEvent() {
        assertThat(trade(150.00, OPEN)).isEmpty();

        assertThat(state.high()).isEqualTo(150.00);
        assertThat(state.low()).isEqualTo(150.00);
    }

    @Test
    void aHighMustClearTheSeedByTheBandStep() {
        trade(150.00, OPEN);

        // the step past the $150.00 seed is min($0.10, 0.05 % = $0.075) = $0.075; exactly $150.075 reaches it
        assertThat(trade(150.07, OPEN + 2 * SECOND)).isEmpty();
        List<HighLowDetector.Extreme> fired = trade(150.075, OPEN + 3 * SECOND);

        assertThat(types(fired)).containsExactly(EventType.HIGH);
        assertThat(fired.get(0).price()).isEqualTo(150.075);
        assertThat(fired.get(0).previous()).isEqualTo(150.07);
        assertThat(fired.get(0).step()).isCloseTo(0.075, within(1e-9));
    }

    @Test
    void extremesMoveEvenWhenNoEventFires() {
        trade(150.00, OPEN);
        trade(150.05, OPEN + SECOND);
        trade(149.97, OPEN + 2 * SECOND);

        assertThat(state.high()).isEqualTo(150.05);
        assertThat(state.low()).isEqualTo(149.97);
        assertThat(state.lastHigh()).isEqualTo(150.00);
    }

    @Test
    void aPriceAtTheHighSoFarIsNotANewHigh() {
        trade(10.00, OPEN);
        trade(10.05, OPEN + 2 * SECOND);

        assertThat(trade(10.05, OPEN + 4 * SECOND)).isEmpty();
    }

    @Test
    void theNextHighMustClearTheLastEmittedHighNotTheSessionHigh() {
        trade(10.00, OPEN);
        assertThat(types(trade(10.05, OPEN + 2 * SECOND))).containsExactly(EventType.HIGH);

        // the step past $10.05 is 0.10 % = $0.01005: $10.06 is a new session high but not a new high event
        assertThat(types(trade(10.06, OPEN + 4 * SECOND))).isEmpty();
        assertThat(types(trade(10.07, OPEN + 6 * SECOND))).containsExactly(EventType.HIGH);
    }

    @Test
    void aHighWithinOneSecondOfTheLastIsSuppressedButStillRaisesTheSessionHigh() {
        trade(10.00, OPEN);
        trade(10.05, OPEN + 10 * SECOND);

        assertThat(trade(10.20, OPEN + 10 * SECOND + 999)).isEmpty();
        assertThat(state.high()).isEqualTo(10.20);
        // exactly one second later a further clearing high fires again
        assertThat(types(trade(10.30, OPEN + 11 * SECOND))).containsExactly(EventType.HIGH);
    }

    @Test
    void lowsMirrorHighs() {
        trade(10.00, OPEN);

        assertThat(trade(9.995, OPEN + SECOND)).isEmpty();
        List<HighLowDetector.Extreme> fired = trade(9.99, OPEN + 2 * SECOND);

        assertThat(types(fired)).containsExactly(EventType.LOW);
        assertThat(fired.get(0).previous()).isEqualTo(9.995);
        assertThat(trade(9.80, OPEN + 2 * SECOND + 500)).isEmpty();
        assertThat(types(trade(9.70, OPEN + 3 * SECOND))).containsExactly(EventType.LOW);
    }

    @Test
    void cooldownsOfHighAndLowAreIndependent() {
        trade(10.00, OPEN);
        assertThat(types(trade(10.10, OPEN + SECOND))).containsExactly(EventType.HIGH);

        assertThat(types(trade(9.80, OPEN + SECOND + 100))).containsExactly(EventType.LOW);
    }

    @Test
    void aBarCanSetBothExtremesAtOnce() {
        trade(10.00, OPEN);

        HighLowDetector.Outcome outcome = detector.observe(state, 10.50, 9.50, OPEN + 60 * SECOND);

        assertThat(types(outcome.extremes())).containsExactly(EventType.HIGH, EventType.LOW);
    }

    @Test
    void aNewSessionStartsFromItsOwnFirstPrice() {
        trade(10.00, OPEN);
        trade(12.00, OPEN + 2 * SECOND);

        long nextDay = OPEN + Duration.ofDays(1).toMillis();
        assertThat(trade(11.00, nextDay)).isEmpty();
        assertThat(state.high()).isEqualTo(11.00);
        assertThat(state.low()).isEqualTo(11.00);
        assertThat(types(trade(11.50, nextDay + 2 * SECOND))).containsExactly(EventType.HIGH);
    }

    @Test
    void outsideTheSessionNothingFiresAndNothingChanges() {
        trade(10.00, OPEN);
        SessionExtremes before = state;

        long afterClose = OPEN + Duration.ofHours(6).toMillis() + 1;
        assertThat(trade(20.00, afterClose)).isEmpty();
        assertThat(state).isEqualTo(before);
    }
}
