package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SampleHistoryTest {

    private static TickSample at(long second) {
        return new TickSample(second, second, second + 0.5, 1, second, second);
    }

    @Test
    void theNewestSecondIsReplacedAndEarlierOnesAreRefused() {
        SampleHistory history = new SampleHistory();
        history.put(at(10));
        history.put(new TickSample(10, 1, 2, 3, 4, 5));
        history.put(at(12));

        assertThat(history.firstBetween(0, 100)).isEqualTo(new TickSample(10, 1, 2, 3, 4, 5));
        assertThat(history.lastBetween(0, 100)).isEqualTo(at(12));
        assertThatThrownBy(() -> history.put(at(11))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void droppingReturnsSampledAndLateOnlySecondsAlike() {
        SampleHistory history = new SampleHistory();
        for (long second = 100; second < 140; second++) {
            history.put(at(second));
        }
        history.putLateOnly(90);
        history.putLateOnly(120);
        history.putLateOnly(90);

        assertThat(history.dropBefore(105)).containsExactly(100, 101, 102, 103, 104, 90);
        assertThat(history.firstBetween(0, 200)).isEqualTo(at(105));
        assertThat(history.dropBefore(Long.MAX_VALUE)).hasSize(35 + 1);
        assertThat(history.isEmpty()).isTrue();
    }

    /** Against a plain sorted list: appends past the array's capacity, drops from the front, window look-ups. */
    @Property(tries = 300)
    void answersAsASortedListWould(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 3) Integer> gaps,
            @ForAll @IntRange(min = 0, max = 400) int dropBefore, @ForAll @IntRange(min = 0, max = 500) int from,
            @ForAll @IntRange(min = 0, max = 60) int length) {
        SampleHistory history = new SampleHistory();
        List<TickSample> model = new ArrayList<>();
        long second = 0;
        for (int gap : gaps) {
            second += gap;
            history.put(at(second));
            if (!model.isEmpty() && model.get(model.size() - 1).second() == second) {
                model.set(model.size() - 1, at(second));
            } else {
                model.add(at(second));
            }
        }
        TreeSet<Long> dropped = new TreeSet<>();
        for (long d : history.dropBefore(dropBefore)) {
            dropped.add(d);
        }
        List<Long> expectedDropped = model.stream().map(TickSample::second).filter(s -> s < dropBefore).toList();
        model.removeIf(s -> s.second() < dropBefore);

        assertThat(dropped).containsExactlyElementsOf(expectedDropped);
        long to = from + length;
        assertThat(history.firstBetween(from, to)).isEqualTo(model.stream()
                .filter(s -> s.second() >= from && s.second() <= to).findFirst().orElse(null));
        assertThat(history.lastBetween(from, to)).isEqualTo(model.stream()
                .filter(s -> s.second() >= from && s.second() <= to).reduce((a, b) -> b).orElse(null));
    }
}
