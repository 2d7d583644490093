package io.tickstock.gateway.consume;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollHandOffTest {

    private record Part(List<String> ids, long[] positions) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final PollHandOff handOff = new PollHandOff(new FeedListener() {
        @Override
        public void begin(long[] positions) {
        }

        @Override
        public void deliver(List<OutgoingEvent> batch, long[] positions) {
            parts.add(new Part(batch.stream().map(OutgoingEvent::id).toList(), positions.clone()));
        }
    }, 1_000, clock::get);

    private void read(int partition, long offset) {
        handOff.read(partition, offset, event(partition, offset));
    }

    @Test
    void aPollDecodedQuicklyGoesWholeWithWhereTheFeedStandsAfterIt() {
        handOff.start(new long[] {10, 20});
        read(0, 10);
        read(1, 20);
        handOff.finish(new long[] {12, 21}, true);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).ids()).containsExactly("0-10", "1-20");
        assertThat(parts.get(0).positions()).as("past the transaction marker at 0-11").containsExactly(12, 21);
    }

    @Test
    void anEventThatWaitedGoesWithThePositionOfTheLastRecordReadNotThePollsEnd() {
        handOff.start(new long[] {10, 20});
        read(0, 10);
        handOff.read(0, 11, null); // not an event (a repeat, or malformed): passed all the same
        clock.addAndGet(1_000);
        read(0, 12);
        read(1, 20);
        handOff.finish(new long[] {14, 21}, true);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).ids()).containsExactly("0-10", "0-12");
        assertThat(parts.get(0).positions()).as("partition 1 not read yet").containsExactly(13, 20);
        assertThat(parts.get(1).ids()).containsExactly("1-20");
        assertThat(parts.get(1).positions()).containsExactly(14, 21);
    }

    @Test
    void aPollWithNoEventsSaysOnlyThatThePositionMoved() {
        handOff.start(new long[] {10, 20});
        handOff.read(0, 10, null);
        handOff.finish(new long[] {11, 20}, false);
        assertThat(parts).isEmpty();

        handOff.finish(new long[] {11, 20}, true);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).ids()).isEmpty();
    }

    @Test
    void overRandomPollsThePartsCarryEveryEventOnceInOrderAndNoPartClaimsARecordALaterOneBrings() {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            parts.clear();
            long[] start = {random.nextInt(100), random.nextInt(100), random.nextInt(100)};
            long[] at = start.clone();
            List<String> events = new ArrayList<>();
            handOff.start(start);
            for (int partition = 0; partition < 3; partition++) {
                int records = random.nextInt(20);
                for (int i = 0; i < records; i++) {
                    long offset = at[partition]++;
                    clock.addAndGet(random.nextInt(400));
                    if (random.nextInt(4) == 0) {
                        handOff.read(partition, offset, null);
                    } else {
                        read(partition, offset);
                        events.add(partition + "-" + offset);
                    }
                }
            }
            long[] next = at.clone();
            handOff.finish(next, true);

            assertThat(parts.stream().flatMap(part -> part.ids().stream()).toList()).isEqualTo(events);
            for (int i = 0; i < parts.size(); i++) {
                long[] positions = parts.get(i).positions();
                for (int later = i + 1; later < parts.size(); later++) {
                    for (String id : parts.get(later).ids()) {
                        int partition = Integer.parseInt(id.substring(0, id.indexOf('-')));
                        long offset = Long.parseLong(id.substring(id.indexOf('-') + 1));
                        assertThat(offset).as("%s in a later part than one whose positions are %s", id,
                                java.util.Arrays.toString(positions)).isGreaterThanOrEqualTo(positions[partition]);
                    }
                }
            }
            assertThat(parts.get(parts.size() - 1).positions()).isEqualTo(next);
        }
    }
}
