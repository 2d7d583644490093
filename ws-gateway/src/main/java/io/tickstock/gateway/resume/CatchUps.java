package io.tickstock.gateway.resume;

import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.consume.EventDecoder;
import io.tickstock.gateway.consume.KafkaReaders;
import io.tickstock.gateway.consume.RepeatFilter;
import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.route.OutgoingEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads the events topic for the clients the log of recent events does not cover: a resume from an older cursor,
 * a client that fell behind the log. A few readers serve them all in turns, one poll for one client per turn, so a
 * client whose socket drains slowly never holds a reader, and the gateway's memory does not grow with how far
 * behind clients are: each waits with its cursor only.
 */
@ApplicationScoped
public class CatchUps {

    /** A client reading the topic. */
    public interface Reader {
        String id();

        /** Where to read from next, or null when the client no longer needs the topic (back in the log, gone). */
        Request next();

        /** One turn's events (every record between the request and {@code turn.positions()}). */
        void read(Turn turn);

        /** The read cannot go on: {@code refused} when the cursor is at fault (400), else the gateway (close). */
        void failed(String why, boolean refused);
    }

    /**
     * @param from the next offset per partition
     * @param first a resume's first read: check the cursor against what the topic holds
     */
    public record Request(long[] from, boolean first) {
    }

    /**
     * @param positions the reader's position per partition after the events
     * @param recovered on a first read: false when retention already deleted part of what was asked for
     */
    public record Turn(List<OutgoingEvent> events, long[] positions, boolean recovered) {
    }

    private static final Logger LOG = Logger.getLogger(CatchUps.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final GatewayConfig config;
    private final KafkaReaders readers;
    private final EventDecoder decoder;
    private final RepeatFilter repeats;
    private final GatewayMetrics metrics;
    private final BlockingQueue<Reader> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    public CatchUps(GatewayConfig config, KafkaReaders readers, EventDecoder decoder, RepeatFilter repeats,
            GatewayMetrics metrics) {
        this.config = config;
        this.readers = readers;
        this.decoder = decoder;
        this.repeats = repeats;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        for (int i = 1; i <= config.catchUpReaders(); i++) {
            Thread thread = new Thread(this::serve, "catch-up-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }

    /** Queues {@code reader} for its next turn. */
    public void turn(Reader reader) {
        waiting.add(reader);
    }

    /** Clients waiting for a turn. */
    public int waiting() {
        return waiting.size();
    }

    private void serve() {
        try (KafkaConsumer<String, byte[]> consumer = readers.open("tickstock-gateway-" + Thread.currentThread()
                .getName())) {
            List<TopicPartition> partitions = KafkaReaders.partitionsOf(consumer, config.eventsTopic());
            consumer.assign(partitions);
            while (!stopped) {
                Reader reader = waiting.take();
                try {
                    Request request = reader.next();
                    if (request != null) {
                        read(consumer, partitions, reader, request);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "catch-up of client %s failed", reader.id());
                    reader.failed(e.getClass().getSimpleName(), false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("a catch-up reader stopped: clients behind the log wait for the others", e);
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Reader reader,
            Request request) {
        boolean recovered = true;
        if (request.first()) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long from = request.from()[partition.partition()];
                if (from > end.get(partition)) {
                    reader.failed("the cursor is ahead of " + config.eventsTopic() + " (from another cluster, or a"
                            + " re-created topic?): subscribe without resuming", true);
                    return;
                }
                recovered &= from >= begin.get(partition);
            }
        }
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, request.from()[partition.partition()]);
        }
        List<OutgoingEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            OutgoingEvent event = decoder.decode(record, false);
            if (event != null && !repeats.repeatedElsewhere(event.id(), record.partition(), record.offset())) {
                events.add(event);
            }
        }
        metrics.topicRead(events.size());
        reader.read(new Turn(events, KafkaReaders.positions(consumer, partitions), recovered));
    }
}
