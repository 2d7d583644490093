package io.tickstock.gateway.resume;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientPositionTest {

    private final RecentEvents log = new RecentEvents(4);

    private static List<String> ids(List<OutgoingEvent> events) {
        return events.stream().map(OutgoingEvent::id).toList();
    }

    @Test
    void aNewClientIsOwedWhatFollowsTheHeadAndItsCursorCoversWhatItPassedMatchingOrNot() {
        log.begin(new long[] {3, 3});
        ClientPosition position = ClientPosition.at(log.head());
        log.append(List.of(event(0, 3), event(1, 3, 1, EventType.LOW, "X"), event(0, 4)), new long[] {6, 4});

        List<OutgoingEvent> read = position.read(log, e -> e.type() == EventType.HIGH, 10, 10_000, Long.MAX_VALUE);

        assertThat(ids(read)).containsExactly("0-3", "0-4");
        assertThat(position.cursor()).as("past 1-3, and past 0-5 (a transaction marker)").hasToString("6.4");
        assertThat(position.lag(new long[] {9, 4})).isEqualTo(3);
        assertThat(position.behind(log.head())).isZero();
    }

    @Test
    void aFrameStopsAtItsLimitsAndTheCursorAtItsLastEvent() {
        log.begin(new long[] {0});
        ClientPosition position = ClientPosition.at(log.head());
        log.append(List.of(event(0, 0), event(0, 1), event(0, 2)), new long[] {3});

        assertThat(ids(position.read(log, e -> true, 2, 10_000, Long.MAX_VALUE))).containsExactly("0-0", "0-1");
        assertThat(position.cursor()).hasToString("2");
        assertThat(position.behind(log.head())).isEqualTo(1);
        assertThat(ids(position.read(log, e -> true, 2, 1, Long.MAX_VALUE))).as("one event over the chars")
                .containsExactly("0-2");
        assertThat(position.read(log, e -> true, 2, 10_000, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void readingStopsBeforeAMark() {
        log.begin(new long[] {0});
        ClientPosition position = ClientPosition.at(log.head());
        log.append(List.of(event(0, 0), event(0, 1), event(0, 2)), new long[] {3});

        assertThat(ids(position.read(log, e -> true, 10, 10_000, 2))).containsExactly("0-0", "0-1");
        assertThat(position.seq()).isEqualTo(2);
    }

    @Test
    void aClientWhosePlaceLeftTheLogReadsTheTopicAndComesBackWithoutAGapOrARepeat() {
        log.begin(new long[] {0});
        ClientPosition position = ClientPosition.at(log.head());
        log.append(List.of(event(0, 0), event(0, 1)), new long[] {2});
        assertThat(ids(position.read(log, e -> true, 1, 10_000, Long.MAX_VALUE))).containsExactly("0-0");
        log.append(List.of(event(0, 2), event(0, 3), event(0, 4), event(0, 5)), new long[] {6});

        assertThat(position.read(log, e -> true, 10, 10_000, Long.MAX_VALUE)).isEmpty();
        assertThat(position.inLog()).isFalse();
        assertThat(position.given()).containsExactly(1);
        assertThat(position.joinLog(log)).as("0-1 is no longer in the log").isFalse();

        assertThat(position.take(event(0, 1))).isTrue();
        assertThat(position.take(event(0, 1))).isFalse();
        position.passed(new long[] {2});
        assertThat(position.joinLog(log)).isTrue();
        assertThat(ids(position.read(log, e -> true, 10, 10_000, Long.MAX_VALUE)))
                .containsExactly("0-2", "0-3", "0-4", "0-5");
    }

    @Test
    void aPerPriorityCursorSkipsWhatTheClientHadAndIsKeptInTheCursorsItGetsNext() {
        log.begin(new long[] {0});
        ClientPosition position = ClientPosition.at(log.head());
        log.append(List.of(event(0, 0, 1, EventType.HIGH, "A"), event(0, 1, 3, EventType.FMV_DEVIATION, "A"),
                event(0, 2, 1, EventType.HIGH, "A"), event(0, 3, 3, EventType.FMV_DEVIATION, "A")), new long[] {4});

        position.restartAt(Cursor.parse("3~3:0=1"), log);

        assertThat(position.inLog()).isTrue();
        assertThat(position.cursor()).hasToString("3~3:0=1");
        assertThat(ids(position.read(log, e -> true, 10, 10_000, Long.MAX_VALUE))).containsExactly("0-1", "0-3");
        assertThat(position.cursor()).hasToString("4");
    }

    @Test
    void aCursorFromBeforeTheLogLeavesItAndOneWithinItStays() {
        log.begin(new long[] {10});
        ClientPosition position = ClientPosition.at(log.head());

        position.restartAt(Cursor.parse("4"), log);
        assertThat(position.inLog()).isFalse();
        assertThat(position.read(log, e -> true, 10, 10_000, Long.MAX_VALUE)).isEmpty();
        position.restartAt(Cursor.parse("10"), log);
        assertThat(position.inLog()).isTrue();
        position.leaveLog();
        assertThat(position.inLog()).isFalse();
        assertThat(position).hasToString("topic [10]");
    }
}
