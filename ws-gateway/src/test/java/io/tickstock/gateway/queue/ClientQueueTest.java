package io.tickstock.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.queue.ClientQueue.Drained;
import io.tickstock.gateway.queue.ClientQueue.Outcome;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientQueueTest {

    /** A share above every capacity: the queue alone sets the limit, as on a gateway with few clients. */
    private static final int UNSHARED = Integer.MAX_VALUE;

    private final List<String> dropped = new ArrayList<>();
    private final ClientQueue.Drops drops = new ClientQueue.Drops() {
        @Override
        public void shed(int priority) {
            dropped.add("shed P" + priority);
        }

        @Override
        public void conflated(int priority) {
            dropped.add("conflated P" + priority);
        }
    };

    private static OutgoingEvent event(int partition, long offset, int priority, EventType type, String symbol) {
        MarketEvent event = new MarketEvent(1, partition + "-" + offset, type, symbol, Direction.UP, 1.0, priority,
                Channel.TICK, 0, 0, Map.of(), null);
        return new OutgoingEvent(event, partition, offset, "{\"id\":\"" + event.id() + "\"");
    }

    private static OutgoingEvent event(int partition, long offset, int priority) {
        return event(partition, offset, priority, EventType.HIGH, "S" + offset);
    }

    /** Offers one event as a batch of its own, as a client that gets one event per poll sees them. */
    private static ClientQueue.Outcome offer(ClientQueue queue, OutgoingEvent event) {
        queue.startBatch(UNSHARED);
        return queue.offer(event);
    }

    private static List<String> drainIds(ClientQueue queue) {
        List<String> ids = new ArrayList<>();
        for (Drained next = queue.next(); next != null; next = queue.next()) {
            ids.add(next.event().event().id());
        }
        return ids;
    }

    @Test
    void aClientThatKeepsUpGetsEventsInTheOrderTheFeedReadThem() {
        ClientQueue queue = new ClientQueue(new long[2], 100, drops);
        queue.startBatch(UNSHARED);
        queue.offer(event(0, 0, 3));
        queue.offer(event(1, 0, 1));
        queue.offer(event(0, 1, 2));

        assertThat(drainIds(queue)).containsExactly("0-0", "1-0", "0-1");
    }

    @Test
    void underPressureHigherPrioritiesLeaveFirstAndEachPriorityInOrder() {
        ClientQueue queue = new ClientQueue(new long[2], 8, drops);
        offer(queue, event(0, 0, 3));
        offer(queue, event(1, 0, 1));
        offer(queue, event(0, 1, 2));
        offer(queue, event(1, 1, 0));
        offer(queue, event(0, 2, 1));

        assertThat(drainIds(queue)).containsExactly("1-1", "1-0", "0-2", "0-1", "0-0");
    }

    @Test
    void aSnapshotGoesBeforeEveryQueuedEventAndIsMarked() {
        ClientQueue queue = new ClientQueue(new long[] {5}, 100, drops);
        offer(queue, event(0, 5, 0));
        queue.addSnapshot(List.of(event(0, 3, 2)));

        Drained first = queue.next();

        assertThat(first.snapshot()).isTrue();
        assertThat(first.render()).isEqualTo("{\"id\":\"0-3\",\"snapshot\":true,\"cursor\":\"6~0:0=5\"}");
        assertThat(queue.next().render()).isEqualTo("{\"id\":\"0-5\",\"cursor\":\"6\"}");
    }

    @Test
    void fromHalfFullNewP3EventsAreShed() {
        ClientQueue queue = new ClientQueue(new long[1], 8, drops);
        for (int offset = 0; offset < 4; offset++) {
            assertThat(offer(queue, event(0, offset, 1))).isEqualTo(Outcome.QUEUED);
        }

        assertThat(offer(queue, event(0, 4, 3))).isEqualTo(Outcome.SHED);
        assertThat(offer(queue, event(0, 5, 2))).isEqualTo(Outcome.QUEUED);
        assertThat(dropped).containsExactly("shed P3");
    }

    @Test
    void fromThreeQuartersANewP2EventReplacesTheQueuedOneOfItsSymbolAndTypeAndJoinsAtTheBack() {
        ClientQueue queue = new ClientQueue(new long[1], 8, drops);
        offer(queue, event(0, 0, 2, EventType.TREND, "AAPL"));
        for (int offset = 1; offset < 6; offset++) {
            offer(queue, event(0, offset, 2, EventType.TREND, "S" + offset));
        }

        assertThat(offer(queue, event(0, 6, 2, EventType.TREND, "AAPL"))).isEqualTo(Outcome.CONFLATED);
        assertThat(offer(queue, event(0, 7, 2, EventType.BREAKOUT, "AAPL"))).isEqualTo(Outcome.QUEUED);
        assertThat(dropped).containsExactly("conflated P2");
        assertThat(drainIds(queue)).containsExactly("0-1", "0-2", "0-3", "0-4", "0-5", "0-6", "0-7");
    }

    @Test
    void highAndLowPriorityEventsAreNeverConflated() {
        ClientQueue queue = new ClientQueue(new long[1], 8, drops);
        for (int offset = 0; offset < 8; offset++) {
            assertThat(offer(queue, event(0, offset, 1, EventType.HIGH, "AAPL"))).isEqualTo(Outcome.QUEUED);
        }

        assertThat(offer(queue, event(0, 8, 1, EventType.HIGH, "AAPL"))).isEqualTo(Outcome.FULL);
        assertThat(dropped).isEmpty();
    }

    @Test
    void whenFullTheOldestQueuedP3MakesRoomBeforeTheClientCountsAsTooSlow() {
        ClientQueue queue = new ClientQueue(new long[1], 4, drops);
        offer(queue, event(0, 0, 3));
        offer(queue, event(0, 1, 3));
        offer(queue, event(0, 2, 1));
        offer(queue, event(0, 3, 1));

        assertThat(offer(queue, event(0, 4, 1))).isEqualTo(Outcome.QUEUED);
        assertThat(offer(queue, event(0, 5, 1))).isEqualTo(Outcome.QUEUED);
        assertThat(offer(queue, event(0, 6, 1))).isEqualTo(Outcome.FULL);
        assertThat(dropped).containsExactly("shed P3", "shed P3");
        assertThat(drainIds(queue)).containsExactly("0-2", "0-3", "0-4", "0-5");
    }

    @Test
    void aSmallerShareOfTheBudgetBringsThePolicyForwardAndALargerOneCannotPassTheCapacity() {
        ClientQueue queue = new ClientQueue(new long[1], 100, drops);
        for (int offset = 0; offset < 4; offset++) {
            queue.startBatch(8);
            assertThat(queue.offer(event(0, offset, 1))).isEqualTo(Outcome.QUEUED);
        }
        queue.startBatch(8);
        assertThat(queue.offer(event(0, 4, 3))).as("half of a share of 8").isEqualTo(Outcome.SHED);
        for (int offset = 5; offset < 9; offset++) {
            queue.startBatch(8);
            queue.offer(event(0, offset, 1));
        }
        queue.startBatch(8);
        assertThat(queue.offer(event(0, 9, 1))).as("a share of 8 is full at 8").isEqualTo(Outcome.FULL);

        queue.startBatch(1_000);
        assertThat(queue.offer(event(0, 10, 3))).as("the share grew back: 8 of 100 is not half").isEqualTo(
                Outcome.QUEUED);
        for (int offset = 11; offset < 102; offset++) {
            queue.startBatch(1_000);
            queue.offer(event(0, offset, 1));
        }
        assertThat(queue.size()).isEqualTo(100);
        queue.startBatch(1_000);
        assertThat(queue.offer(event(0, 102, 1))).as("the P3 makes room").isEqualTo(Outcome.QUEUED);
        queue.startBatch(1_000);
        assertThat(queue.offer(event(0, 103, 1))).as("never beyond the capacity").isEqualTo(Outcome.FULL);
        assertThat(dropped).containsExactly("shed P3", "shed P3");
    }

    @Test
    void eventsBeforeWhatWasOfferedAreSkipped() {
        ClientQueue queue = new ClientQueue(new long[] {10}, 8, drops);

        assertThat(offer(queue, event(0, 9, 1))).isEqualTo(Outcome.SKIPPED);
        assertThat(offer(queue, event(0, 10, 1))).isEqualTo(Outcome.QUEUED);
        assertThat(offer(queue, event(0, 10, 1))).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void theCursorIsExactPerPriorityWhileHigherPrioritiesOvertake() {
        ClientQueue queue = new ClientQueue(new long[2], 8, drops);
        offer(queue, event(0, 0, 3));
        offer(queue, event(0, 1, 1));
        offer(queue, event(1, 0, 2));
        queue.startBatch(UNSHARED);
        queue.advance(0, 2);
        queue.advance(1, 4);

        assertThat(queue.next().cursor()).isEqualTo("2.4~2:1=0~3:0=0");
        assertThat(queue.next().cursor()).isEqualTo("2.4~3:0=0");
        assertThat(queue.next().cursor()).isEqualTo("2.4");
    }

    @Test
    void purgeDropsWhatTheClientUnsubscribedFrom() {
        ClientQueue queue = new ClientQueue(new long[1], 100, drops);
        offer(queue, event(0, 0, 2, EventType.TREND, "AAPL"));
        offer(queue, event(0, 1, 2, EventType.TREND, "MSFT"));
        queue.addSnapshot(List.of(event(0, 0, 1, EventType.HIGH, "AAPL")));

        queue.purge(e -> e.event().symbol().equals("AAPL"));

        assertThat(drainIds(queue)).containsExactly("0-1");
        assertThat(dropped).isEmpty();
    }

    @Test
    void conflationUnderAStalledClientDoesNotGrowTheQueue() {
        ClientQueue queue = new ClientQueue(new long[1], 8, drops);
        for (int offset = 0; offset < 6; offset++) {
            offer(queue, event(0, offset, 2, EventType.TREND, "S" + offset));
        }
        for (int offset = 6; offset < 10_006; offset++) {
            assertThat(offer(queue, event(0, offset, 2, EventType.TREND, "S" + offset % 6))).isEqualTo(
                    Outcome.CONFLATED);
        }

        assertThat(queue.size()).isEqualTo(6);
        assertThat(drainIds(queue)).containsExactly("0-10000", "0-10001", "0-10002", "0-10003", "0-10004",
                "0-10005");
    }

    /**
     * The cursor's promise, checked over many random runs: a client that disconnects anywhere and resumes from the
     * cursor of the last event it received gets every event exactly once, whatever the priorities overtook.
     * (Random batches let backlogs build past a quarter of the queue, where draining goes by priority.)
     */
    @Test
    void resumingFromTheLastCursorNeitherRepeatsNorSkipsAnything() {
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            int partitions = 1 + random.nextInt(3);
            List<OutgoingEvent> log = new ArrayList<>();
            long[] next = new long[partitions];
            // 400 events into a queue of 1000: backlogs past a quarter (priority order), never half (no drops)
            for (int i = 0; i < 400; i++) {
                int partition = random.nextInt(partitions);
                log.add(event(partition, next[partition]++, random.nextInt(4)));
            }
            ClientQueue first = new ClientQueue(new long[partitions], 1000, drops);
            List<String> received = new ArrayList<>();
            String lastCursor = Cursor.at(new long[partitions]).toString();
            int disconnectAt = random.nextInt(log.size());
            for (int i = 0; i < disconnectAt; i++) {
                if (random.nextInt(5) == 0) {
                    first.startBatch(UNSHARED);
                }
                first.offer(log.get(i));
                while (random.nextInt(4) == 0) {
                    Drained drained = first.next();
                    if (drained == null) {
                        break;
                    }
                    received.add(drained.event().event().id());
                    lastCursor = drained.cursor();
                }
            }

            Cursor cursor = Cursor.parse(lastCursor);
            long[] start = new long[partitions];
            for (int partition = 0; partition < partitions; partition++) {
                start[partition] = cursor.lowest(partition);
            }
            ClientQueue resumed = new ClientQueue(new long[partitions], 1000, drops);
            resumed.restartAt(cursor, start);
            resumed.startBatch(UNSHARED);
            log.forEach(resumed::offer);
            received.addAll(drainIds(resumed));

            Set<String> unique = new HashSet<>(received);
            assertThat(received).as("seed %d: nothing twice", seed).hasSize(unique.size());
            assertThat(unique).as("seed %d: nothing missing", seed)
                    .containsExactlyInAnyOrderElementsOf(log.stream().map(e -> e.event().id()).toList());
        }
        assertThat(dropped).isEmpty();
    }
}
