package io.tickstock.gateway.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentPositionsTest {

    @Test
    void aPositionIsNewOnceAndTheSameOffsetOnAnotherPartitionIsAnotherPosition() {
        SentPositions sent = new SentPositions();

        assertThat(sent.add(OutgoingEvent.position(0, 7))).isTrue();
        assertThat(sent.add(OutgoingEvent.position(0, 7))).isFalse();
        assertThat(sent.add(OutgoingEvent.position(1, 7))).isTrue();
        assertThat(sent.add(OutgoingEvent.position(0, 0))).isTrue();
        assertThat(sent.size()).isEqualTo(3);
        assertThat(sent.contains(OutgoingEvent.position(1, 7))).isTrue();
        assertThat(sent.contains(OutgoingEvent.position(2, 7))).isFalse();
    }

    @Test
    void itAgreesWithAHashSetThroughGrowthOnConsecutiveAndScatteredPositions() {
        SentPositions sent = new SentPositions();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            int partition = random.nextInt(12);
            long offset = i % 3 == 0 ? random.nextLong(1L << 40) : i / 2;
            long position = OutgoingEvent.position(partition, offset);
            assertThat(sent.add(position)).as("position %d", position).isEqualTo(reference.add(position));
        }
        assertThat(sent.size()).isEqualTo(reference.size());
    }

    @Test
    void theLargestOffsetOfTheLargestPartitionStaysDistinct() {
        long last = OutgoingEvent.position(32_767, (1L << 48) - 1);
        SentPositions sent = new SentPositions();

        assertThat(sent.add(last)).isTrue();
        assertThat(sent.add(OutgoingEvent.position(32_766, (1L << 48) - 1))).isTrue();
        assertThat(sent.add(last)).isFalse();
    }

    @Test
    void somethingThatIsNotAPositionIsRefused() {
        assertThatThrownBy(() -> new SentPositions().add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
