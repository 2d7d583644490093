package io.tickstock.gateway.resume;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The position's promise over random interleavings of everything that moves it: records reaching the topic (events
 * and transaction markers) before the feed reads them, the feed filling a small log past its capacity, the client
 * reading frames of any size from the log, falling out of it, reading the topic in chunks from its cursor, joining
 * the log again, and reconnecting to resume from the cursor of the last frame it got. Whatever happens, it receives
 * every event it wants exactly once, each partition in offset order.
 */
class ClientPositionPropertyTest {

    /** The events topic: what producers wrote, per partition, events and markers (offsets without an event). */
    private static final class Topic {
        final List<List<OutgoingEvent>> events = new ArrayList<>();
        final long[] end;

        Topic(int partitions) {
            end = new long[partitions];
            for (int p = 0; p < partitions; p++) {
                events.add(new ArrayList<>());
            }
        }

        void produce(Random random) {
            int partition = random.nextInt(end.length);
            if (random.nextInt(5) == 0) {
                end[partition]++; // a transaction marker
            } else {
                int priority = random.nextInt(4);
                events.get(partition).add(event(partition, end[partition]++, priority, EventType.values()[priority],
                        "S" + random.nextInt(4)));
            }
        }

        /** Up to {@code count} records per partition from {@code from}, partitions interleaved, each in order. */
        List<OutgoingEvent> read(long[] from, long[] upTo, int count, Random random) {
            List<List<OutgoingEvent>> perPartition = new ArrayList<>();
            for (int p = 0; p < end.length; p++) {
                upTo[p] = Math.min(end[p], from[p] + count);
                List<OutgoingEvent> part = new ArrayList<>();
                for (OutgoingEvent e : events.get(p)) {
                    if (e.offset() >= from[p] && e.offset() < upTo[p]) {
                        part.add(e);
                    }
                }
                perPartition.add(part);
            }
            List<OutgoingEvent> mixed = new ArrayList<>();
            int[] next = new int[end.length];
            while (true) {
                List<Integer> left = new ArrayList<>();
                for (int p = 0; p < end.length; p++) {
                    if (next[p] < perPartition.get(p).size()) {
                        left.add(p);
                    }
                }
                if (left.isEmpty()) {
                    return mixed;
                }
                int p = left.get(random.nextInt(left.size()));
                mixed.add(perPartition.get(p).get(next[p]++));
            }
        }
    }

    @Property(tries = 400)
    void everyWantedEventArrivesOnceAndInOrderWhateverTheInterleaving(@ForAll long seed) {
        Random random = new Random(seed);
        int partitions = 1 + random.nextInt(3);
        Topic topic = new Topic(partitions);
        RecentEvents log = new RecentEvents(2 + random.nextInt(12));
        long[] fed = new long[partitions];
        log.begin(fed.clone());
        Predicate<OutgoingEvent> wanted = e -> !e.symbol().equals("S0");
        ClientPosition position = ClientPosition.at(log.head());
        List<OutgoingEvent> received = new ArrayList<>();

        for (int step = 0; step < 300; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> topic.produce(random);
                case 2 -> feed(topic, log, fed, random.nextInt(4), random);
                case 3, 4 -> receive(position, log, topic, wanted, received, random);
                default -> {
                    Cursor lastFrame = Cursor.parse(position.cursor().toString());
                    position = ClientPosition.at(log.head());
                    position.restartAt(lastFrame, log);
                }
            }
        }
        feed(topic, log, fed, Integer.MAX_VALUE, random);
        for (int round = 0; round < 10_000 && position.lag(topic.end) > 0; round++) {
            receive(position, log, topic, wanted, received, random);
        }

        for (int p = 0; p < partitions; p++) {
            int partition = p;
            assertThat(received.stream().filter(e -> e.partition() == partition).map(OutgoingEvent::id).toList())
                    .as("seed %d, partition %d", seed, p)
                    .containsExactlyElementsOf(topic.events.get(p).stream().filter(wanted).map(OutgoingEvent::id)
                            .toList());
        }
    }

    /** The feed reads up to {@code count} records of the topic (in offset order per partition) into the log. */
    private static void feed(Topic topic, RecentEvents log, long[] fed, int count, Random random) {
        long[] upTo = new long[fed.length];
        List<OutgoingEvent> batch = topic.read(fed, upTo, count, random);
        log.append(batch, upTo);
        System.arraycopy(upTo, 0, fed, 0, fed.length);
    }

    /** One frame from the log, or one chunk read from the topic by a client outside it. */
    private static void receive(ClientPosition position, RecentEvents log, Topic topic,
            Predicate<OutgoingEvent> wanted, List<OutgoingEvent> received, Random random) {
        if (position.inLog()) {
            received.addAll(position.read(log, wanted, 1 + random.nextInt(5), 10_000, Long.MAX_VALUE));
            return;
        }
        long[] upTo = new long[topic.end.length];
        for (OutgoingEvent event : topic.read(position.given(), upTo, 1 + random.nextInt(4), random)) {
            if (position.take(event) && wanted.test(event)) {
                received.add(event);
            }
        }
        position.passed(upTo);
        position.joinLog(log);
        assertThat(position.given()).as("the cursor never passes the topic's end: %s vs %s", position,
                Arrays.toString(topic.end)).satisfies(given -> {
                    for (int p = 0; p < given.length; p++) {
                        assertThat(given[p]).isLessThanOrEqualTo(topic.end[p]);
                    }
                });
    }
}
