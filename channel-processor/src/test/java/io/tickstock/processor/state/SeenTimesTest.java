package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeenTimesTest {

    private static final long RETENTION = 600;

    @Test
    void keepsTimesInOrderWithinTheRetentionOfTheNewest() {
        SeenTimes seen = SeenTimes.NONE.with(1_000, RETENTION).with(400, RETENTION).with(1_200, RETENTION)
                .with(900, RETENTION);

        assertThat(seen.times()).containsExactly(900, 1_000, 1_200);
        assertThat(seen.newest()).isEqualTo(1_200);
        assertThat(seen.contains(1_000)).isTrue();
        assertThat(seen.contains(400)).isFalse();
    }

    @Property(tries = 500)
    void remembersExactlyWhatASetTrimmedToTheRetentionWould(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3_000) Integer> times,
            @ForAll @IntRange(min = 0, max = 3_000) int probe) {
        SeenTimes seen = SeenTimes.NONE;
        TreeSet<Long> model = new TreeSet<>();
        for (long time : times) {
            seen = seen.with(time, RETENTION);
            model.add(time);
            long oldestKept = model.last() - RETENTION;
            model.removeIf(t -> t < oldestKept);
        }

        assertThat(seen.times()).containsExactly(model.stream().mapToLong(Long::longValue).toArray());
        assertThat(seen.contains(probe)).isEqualTo(model.contains((long) probe));
    }
}
