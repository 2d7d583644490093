package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {

    private static OutgoingEvent event(String id, EventType type, String symbol) {
        return new OutgoingEvent(new MarketEvent(1, id, type, symbol, Direction.UP, 1, 1, Channel.TICK, 0, 0,
                Map.of(), null), 0, 0, "{}");
    }

    private static List<String> ids(List<OutgoingEvent> events) {
        return events.stream().map(e -> e.event().id()).sorted().toList();
    }

    @Test
    void keepsTheLatestEventPerSymbolAndType() {
        SnapshotCache cache = new SnapshotCache(10);
        cache.put(event("1", EventType.HIGH, "AAPL"));
        cache.put(event("2", EventType.HIGH, "AAPL"));
        cache.put(event("3", EventType.LOW, "AAPL"));
        cache.put(event("4", EventType.HIGH, "MSFT"));

        assertThat(ids(cache.select(null, e -> true))).containsExactly("2", "3", "4");
        assertThat(ids(cache.select(List.of("AAPL"), e -> e.event().type() == EventType.HIGH)))
                .containsExactly("2");
        assertThat(cache.select(List.of("NONE"), e -> true)).isEmpty();
    }

    @Test
    void forgetsTheSymbolThatWentLongestWithoutAnEvent() {
        SnapshotCache cache = new SnapshotCache(2);
        cache.put(event("1", EventType.HIGH, "A"));
        cache.put(event("2", EventType.HIGH, "B"));
        cache.put(event("3", EventType.LOW, "A"));
        cache.put(event("4", EventType.HIGH, "C"));

        assertThat(cache.symbols()).isEqualTo(2);
        assertThat(ids(cache.select(null, e -> true))).containsExactly("1", "3", "4");
    }
}
