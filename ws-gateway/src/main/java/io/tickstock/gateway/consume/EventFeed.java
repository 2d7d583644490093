package io.tickstock.gateway.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.SnapshotCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of {@code tickstock.events} and hands each poll's events to the fan-out (a
 * {@link FeedListener}), in parts of at most a millisecond's decoding ({@link PollHandOff}).
 *
 * <p>At start it reads back up to {@code rebuild-depth} records per partition to rebuild the snapshot cache and the
 * repeat filter without sending them; once it has passed the end offsets it saw at start it is live (and the
 * gateway ready). An id already seen at another position is dropped (SPEC §5.3); a record that is not an event is
 * counted and skipped, never fatal.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    /** The longest an event waits, decoded, for the rest of its poll before the fan-out gets it. */
    private static final long HAND_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final GatewayConfig config;
    private final FeedListener fanout;
    private final KafkaReaders readers;
    private final EventDecoder decoder;
    private final FeedState state;
    private final SnapshotCache cache;
    private final RepeatFilter repeats;
    private final Counter repeated;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean stopped;

    public EventFeed(GatewayConfig config, FeedListener fanout, KafkaReaders readers, EventDecoder decoder,
            FeedState state, SnapshotCache cache, RepeatFilter repeats, GatewayMetrics metrics,
            MeterRegistry registry) {
        this.config = config;
        this.fanout = fanout;
        this.readers = readers;
        this.decoder = decoder;
        this.state = state;
        this.cache = cache;
        this.repeats = repeats;
        this.repeated = registry.counter("tickstock.gateway.events.repeated");
        metrics.gauge("tickstock.gateway.consumer.lag", state::lag);
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::run, "event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading; returns once the feed thread has finished its batch (or after 5 s). */
    public void stop() throws InterruptedException {
        stopped = true;
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** True while the feed thread runs. */
    public boolean running() {
        return thread != null && thread.isAlive() && !state.failed();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = readers.open("tickstock-gateway-feed")) {
            consumer = kafkaConsumer;
            List<TopicPartition> partitions = KafkaReaders.partitionsOf(kafkaConsumer, config.eventsTopic());
            kafkaConsumer.assign(partitions);
            long[] liveFrom = rewind(kafkaConsumer, partitions);
            long[] positions = KafkaReaders.positions(kafkaConsumer, partitions);
            state.handOut(positions);
            fanout.begin(liveFrom);
            LOG.infof("reading %d partitions of %s, rebuilding from %s up to %s", partitions.size(),
                    config.eventsTopic(), Arrays.toString(positions), Arrays.toString(liveFrom));
            PollHandOff handOff = new PollHandOff(fanout, HAND_OFF_NANOS, System::nanoTime);
            while (!stopped) {
                ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(config.pollTimeout());
                long[] next = KafkaReaders.positions(kafkaConsumer, partitions);
                // published before the fan-out, so a replay never hands over behind a batch it was not offered
                state.handOut(next);
                handOff.start(positions);
                for (ConsumerRecord<String, byte[]> record : records) {
                    handOff.read(record.partition(), record.offset(), select(record, liveFrom));
                }
                handOff.finish(next, !Arrays.equals(next, positions) && caughtUp(next, liveFrom));
                positions = next;
                if (!state.live() && caughtUp(positions, liveFrom)) {
                    state.goLive();
                    LOG.infof("live at %s (%d events in the snapshot cache)", Arrays.toString(positions),
                            cache.entries());
                }
                state.lag(lag(kafkaConsumer, partitions));
            }
        } catch (WakeupException e) {
            LOG.info("event feed stopped");
        } catch (RuntimeException e) {
            LOG.error("event feed failed: the gateway is no longer live", e);
            state.fail();
        }
    }

    /** Seeks each partition back by the rebuild depth; returns the end offsets: live from there on. */
    private long[] rewind(KafkaConsumer<String, byte[]> kafkaConsumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> begin = kafkaConsumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = kafkaConsumer.endOffsets(partitions);
        long[] liveFrom = new long[partitions.size()];
        for (TopicPartition partition : partitions) {
            long last = end.get(partition);
            liveFrom[partition.partition()] = last;
            kafkaConsumer.seek(partition, Math.max(begin.get(partition), last - config.rebuildDepth()));
        }
        return liveFrom;
    }

    /** The event a record brings to clients, or null (not an event, a repeat, or history read back at start). */
    private OutgoingEvent select(ConsumerRecord<String, byte[]> record, long[] liveFrom) {
        OutgoingEvent event = decoder.decode(record, true);
        if (event == null) {
            return null;
        }
        if (!repeats.firstAt(event.id(), record.partition(), record.offset())) {
            repeated.increment();
            return null;
        }
        state.count(event.channel());
        cache.put(event);
        return record.offset() >= liveFrom[record.partition()] ? event : null;
    }

    private static boolean caughtUp(long[] positions, long[] liveFrom) {
        for (int partition = 0; partition < positions.length; partition++) {
            if (positions[partition] < liveFrom[partition]) {
                return false;
            }
        }
        return true;
    }

    private static long lag(KafkaConsumer<String, byte[]> kafkaConsumer, List<TopicPartition> partitions) {
        long lag = 0;
        for (TopicPartition partition : partitions) {
            lag += kafkaConsumer.currentLag(partition).orElse(0);
        }
        return lag;
    }
}
