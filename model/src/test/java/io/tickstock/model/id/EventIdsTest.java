package io.tickstock.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Trade;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final String TRADE = Trade.of("AAPL", 4, "77", 190.0, 100, 1_700_000_000_000L).identity();

    @Test
    void theSameInputAndTypeAlwaysGiveTheSameId() {
        assertThat(EventIds.of(TRADE, EventType.HIGH)).isEqualTo(EventIds.of(TRADE, EventType.HIGH));
    }

    @Test
    void idsAre128BitHex() {
        assertThat(EventIds.of(TRADE, EventType.HIGH)).matches("[0-9a-f]{32}");
    }

    @Test
    void typeAndIdentityBothChangeTheId() {
        String other = Trade.of("AAPL", 4, "78", 190.0, 100, 1_700_000_000_000L).identity();

        assertThat(EventIds.of(TRADE, EventType.HIGH)).isNotEqualTo(EventIds.of(TRADE, EventType.LOW));
        assertThat(EventIds.of(TRADE, EventType.HIGH)).isNotEqualTo(EventIds.of(other, EventType.HIGH));
    }

    @Test
    void identitiesFollowSpecSection5() {
        assertThat(TRADE).isEqualTo("T|AAPL|77|1700000000000|4");
        assertThat(Aggregate.bar(Feed.A, "SPY", 1, 1, 1, 1, 1, 60_000, 61_000).identity()).isEqualTo("A|SPY|60000");
        assertThat(Aggregate.bar(Feed.AM, "SPY", 1, 1, 1, 1, 1, 60_000, 120_000).identity())
                .isEqualTo("AM|SPY|60000");
        assertThat(new FairMarketValue(Feed.FMV, "SPY", 1, null, null, 5L).identity()).isEqualTo("FMV|SPY|5");
    }
}
