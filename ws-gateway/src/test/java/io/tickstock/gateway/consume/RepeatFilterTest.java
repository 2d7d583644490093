package io.tickstock.gateway.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatFilterTest {

    @Test
    void anIdPassesOnlyAtThePositionItWasFirstSeenAt() {
        RepeatFilter filter = new RepeatFilter(10);

        assertThat(filter.firstAt("a", 0, 5)).isTrue();
        assertThat(filter.firstAt("a", 0, 5)).as("read again at the same place (a replay)").isTrue();
        assertThat(filter.firstAt("a", 2, 9)).as("written twice").isFalse();
        assertThat(filter.repeatedElsewhere("a", 2, 9)).isTrue();
        assertThat(filter.repeatedElsewhere("a", 0, 5)).isFalse();
        assertThat(filter.repeatedElsewhere("b", 1, 1)).as("never seen: nothing to hold against it").isFalse();
    }

    @Test
    void theOldestIdsAreForgottenFirst() {
        RepeatFilter filter = new RepeatFilter(2);
        filter.firstAt("a", 0, 0);
        filter.firstAt("b", 0, 1);
        filter.firstAt("c", 0, 2);

        assertThat(filter.firstAt("a", 0, 3)).isTrue();
        assertThat(filter.firstAt("c", 0, 4)).isFalse();
    }
}
