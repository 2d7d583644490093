package io.tickstock.gateway.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.EventType;
import io.tickstock.model.id.EventIds;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    @Test
    void processorIdsAreToldApartByEveryDigit() {
        RepeatFilter filter = new RepeatFilter(100);
        String id = EventIds.of("T|AAPL|1|1700000000000|4", EventType.HIGH);
        String lastDigitChanged = id.substring(0, 31) + (id.charAt(31) == '0' ? '1' : '0');
        String firstDigitChanged = (id.charAt(0) == '0' ? '1' : '0') + id.substring(1);

        filter.firstAt(id, 0, 1);

        assertThat(filter.firstAt(lastDigitChanged, 0, 2)).isTrue();
        assertThat(filter.firstAt(firstDigitChanged, 0, 3)).isTrue();
        assertThat(filter.firstAt(id.toUpperCase(), 0, 4)).as("not a processor id: another string").isTrue();
        assertThat(filter.firstAt(id, 1, 1)).isFalse();
    }

    @Test
    void aFilterWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new RepeatFilter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room for one id");
    }

    /**
     * Against a plain model (a map and the queue of its insertion order) over random ids — processor ids and other
     * strings, new ones and ones seen before, many more than fit — so the index's collisions and the shifts that
     * forgetting makes are all exercised: the filter answers every question as the model does.
     */
    @Property(tries = 200)
    void answersAsAMapThatForgetsItsOldestIds(@ForAll @IntRange(min = 1, max = 64) int capacity,
            @ForAll long seed) {
        Random random = new Random(seed);
        RepeatFilter filter = new RepeatFilter(capacity);
        Map<String, Long> model = new HashMap<>();
        ArrayDeque<String> order = new ArrayDeque<>();
        String[] ids = new String[capacity * 3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 7 == 0 ? "other-" + i : EventIds.of("input " + seed + " " + i, EventType.LOW);
        }
        for (int step = 0; step < capacity * 40; step++) {
            String id = ids[random.nextInt(ids.length)];
            int partition = random.nextInt(3);
            long offset = random.nextInt(4);
            long position = OutgoingEvent.position(partition, offset);
            Long first = model.get(id);
            boolean expected = first == null || first == position;
            if (random.nextBoolean()) {
                assertThat(filter.repeatedElsewhere(id, partition, offset))
                        .isEqualTo(first != null && first != position);
                continue;
            }
            assertThat(filter.firstAt(id, partition, offset)).as("step %d, id %s", step, id).isEqualTo(expected);
            if (first == null) {
                model.put(id, position);
                order.add(id);
                if (order.size() > capacity) {
                    model.remove(order.poll());
                }
            }
        }
    }
}
