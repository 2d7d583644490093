package io.tickstock.gateway.queue;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void holdsTheLatestEventsInFeedOrderAndPublishesWhereTheFeedStands() {
        RecentEvents log = new RecentEvents(8);
        log.begin(new long[] {10, 20});
        log.append(List.of(event(0, 10), event(1, 20), event(0, 11)), new long[] {12, 23});

        RecentEvents.Head head = log.head();
        assertThat(head.next()).isEqualTo(3);
        assertThat(head.oldest()).isZero();
        assertThat(head.positions()).containsExactly(12, 23);
        assertThat(head.floor()).containsExactly(10, 20);
        assertThat(log.at(0).id()).isEqualTo("0-10");
        assertThat(log.at(2).id()).isEqualTo("0-11");
        assertThat(log.at(3)).as("not read yet").isNull();
    }

    @Test
    void beyondItsCapacityTheOldestLeaveAndTheFloorOfTheirPartitionRises() {
        RecentEvents log = new RecentEvents(3);
        log.begin(new long[] {0, 0});
        log.append(List.of(event(0, 0), event(1, 0), event(0, 1)), new long[] {2, 1});
        log.append(List.of(event(0, 2), event(1, 1)), new long[] {3, 2});

        RecentEvents.Head head = log.head();
        assertThat(head.oldest()).isEqualTo(2);
        assertThat(head.floor()).as("0-0 and 1-0 left").containsExactly(1, 1);
        assertThat(log.at(0)).isNull();
        assertThat(log.at(1)).isNull();
        assertThat(log.at(2).id()).isEqualTo("0-1");
        assertThat(log.at(4).id()).isEqualTo("1-1");
    }

    @Test
    void theLogCoversAClientThatHadEverythingBeforeItsFloor() {
        RecentEvents log = new RecentEvents(2);
        log.begin(new long[] {5, 5});
        log.append(List.of(event(0, 5), event(0, 6), event(0, 7)), new long[] {8, 5});

        assertThat(log.head().covers(new long[] {6, 5})).isTrue();
        assertThat(log.head().covers(new long[] {5, 5})).as("0-5 left the log").isFalse();
        assertThat(log.head().covers(new long[] {9, 4})).as("before the start of partition 1").isFalse();
        assertThat(log.head().covers(new long[] {9})).as("a partition it does not know").isFalse();
    }

    @Test
    void aLogWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new RecentEvents(0)).hasMessageContaining("room for one");
        assertThat(new RecentEvents(4).capacity()).isEqualTo(4);
    }
}
