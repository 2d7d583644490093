package io.tickstock.gateway.consume;

import io.tickstock.gateway.queue.Cursor;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.socket.ClientSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One {@code resume}: reads {@code tickstock.events} from the client's cursor with a reader of its own, offers what
 * the client's subscriptions match (skipping per priority what the cursor says it had), and hands over to the live
 * feed once it has caught up with it. {@code recovered} is false when retention already deleted part of what the
 * cursor asks for: the client then gets everything still there and knows there is a gap before it.
 */
final class Replay implements Runnable {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ClientSession session;
    private final Cursor cursor;
    private final String topic;
    private final KafkaReaders readers;
    private final EventDecoder decoder;
    private final RepeatFilter repeats;
    private final FeedState feed;

    Replay(ClientSession session, Cursor cursor, String topic, KafkaReaders readers, EventDecoder decoder,
            RepeatFilter repeats, FeedState feed) {
        this.session = session;
        this.cursor = cursor;
        this.topic = topic;
        this.readers = readers;
        this.decoder = decoder;
        this.repeats = repeats;
        this.feed = feed;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> consumer = readers.open("tickstock-gateway-resume-" + session.id())) {
            List<TopicPartition> partitions = KafkaReaders.partitionsOf(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            String problem = problemWith(partitions, end);
            if (problem != null) {
                session.rejectResume(problem);
                return;
            }
            boolean recovered = true;
            long[] start = new long[partitions.size()];
            for (TopicPartition partition : partitions) {
                int p = partition.partition();
                long wanted = p < cursor.partitions() ? cursor.lowest(p) : 0;
                long first = begin.get(partition);
                recovered &= wanted >= first;
                start[p] = Math.max(wanted, first);
                consumer.seek(partition, start[p]);
            }
            session.beginReplay(cursor, start);
            replay(consumer, partitions, recovered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.replayFailed("gateway stopping");
        } catch (RuntimeException e) {
            LOG.warnf(e, "resume of client %s failed", session.id());
            session.replayFailed(e.getClass().getSimpleName());
        }
    }

    private String problemWith(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        if (cursor.partitions() > partitions.size()) {
            return "the cursor names " + cursor.partitions() + " partitions, " + topic + " has " + partitions.size();
        }
        for (TopicPartition partition : partitions) {
            int p = partition.partition();
            if (p < cursor.partitions() && cursor.lowest(p) > end.get(partition)) {
                return "the cursor is ahead of " + topic + " (from another cluster, or a re-created topic?):"
                        + " subscribe without resuming";
            }
        }
        return null;
    }

    private void replay(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, boolean recovered)
            throws InterruptedException {
        while (session.open()) {
            List<OutgoingEvent> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                OutgoingEvent event = decoder.decode(record, false);
                if (event != null && !repeats.repeatedElsewhere(event.event().id(), record.partition(),
                        record.offset())) {
                    events.add(event);
                }
            }
            if (!session.offerReplayed(events)) {
                return;
            }
            for (TopicPartition partition : partitions) {
                session.advanceReplayed(partition.partition(), consumer.position(partition));
            }
            if (session.finishReplay(feed.handedOut(), recovered)) {
                return;
            }
        }
    }
}
