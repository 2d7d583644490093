package io.tickstock.gateway.route;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {

    private static List<String> ids(List<OutgoingEvent> events) {
        return events.stream().map(OutgoingEvent::id).sorted().toList();
    }

    @Test
    void keepsTheLatestEventPerSymbolAndType() {
        SnapshotCache cache = new SnapshotCache(10);
        cache.put(event(0, 1, 1, EventType.HIGH, "AAPL"));
        cache.put(event(0, 2, 1, EventType.HIGH, "AAPL"));
        cache.put(event(0, 3, 1, EventType.LOW, "AAPL"));
        cache.put(event(1, 4, 1, EventType.HIGH, "MSFT"));

        assertThat(ids(cache.select(null, e -> true))).containsExactly("0-2", "0-3", "1-4");
        assertThat(ids(cache.select(List.of("AAPL"), e -> e.type() == EventType.HIGH))).containsExactly("0-2");
        assertThat(cache.select(List.of("NONE"), e -> true)).isEmpty();
        assertThat(cache.entries()).isEqualTo(3);
    }

    @Test
    void isBoundedByEntriesForgettingWholeSymbolsThatWentLongestWithoutAnEvent() {
        SnapshotCache cache = new SnapshotCache(3);
        cache.put(event(0, 1, 1, EventType.HIGH, "A"));
        cache.put(event(0, 2, 1, EventType.LOW, "A"));
        cache.put(event(0, 3, 1, EventType.HIGH, "B"));
        cache.put(event(0, 4, 1, EventType.HIGH, "A"));
        cache.put(event(0, 5, 1, EventType.HIGH, "C"));

        assertThat(cache.entries()).isEqualTo(3);
        assertThat(ids(cache.select(null, e -> true))).containsExactly("0-2", "0-4", "0-5");
        for (int i = 0; i < 100; i++) {
            cache.put(event(0, 10 + i, 1, EventType.values()[i % 10], "S" + i));
            assertThat(cache.entries()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void anEventIsSupersededOnceALaterOneOfItsSymbolAndTypeWasRead() {
        SnapshotCache cache = new SnapshotCache(10);
        OutgoingEvent first = event(0, 1, 2, EventType.TREND, "A");
        OutgoingEvent second = event(0, 5, 2, EventType.TREND, "A");
        cache.put(first);

        assertThat(cache.superseded(first)).isFalse();
        cache.put(second);
        assertThat(cache.superseded(first)).isTrue();
        assertThat(cache.superseded(second)).isFalse();
        assertThat(cache.superseded(event(0, 2, 2, EventType.TREND, "B"))).isFalse();
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new SnapshotCache(0)).hasMessageContaining("one entry at least");
    }
}
