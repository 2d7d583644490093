package io.tickstock.perf.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic from given offsets on its own thread, without a consumer group (it moves nobody's offsets), and
 * hands every record to a handler with the moment it was read. Knows how far behind the topic's end it is.
 */
public final class TopicFollower implements AutoCloseable {

    /** Receives each record on the follower's thread. */
    public interface Handler {
        void record(ConsumerRecord<byte[], byte[]> record, long readAtMillis);
    }

    private static final long END_CHECK_MILLIS = 250;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long behind = Long.MAX_VALUE;
    private volatile RuntimeException failure;

    /**
     * @param committedOnly read as the gateway does ({@code read_committed}): records of aborted transactions never
     *     appear, and nothing past the last stable offset
     */
    public TopicFollower(String bootstrap, Map<TopicPartition, Long> from, boolean committedOnly, Handler handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the broker answers as soon as there is a record to read: the wait only bounds an empty fetch, and shorter
        // ones cost the harness CPU the gateway shares (as they did the gateway's feed, issue 13)
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickstock-perf-follower");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = new ArrayList<>(from.keySet());
        this.handler = handler;
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        this.thread = new Thread(this::follow, "perf-follow-" + partitions.get(0).topic());
        thread.setDaemon(true);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    private void follow() {
        long nextEndCheck = 0;
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handler.record(record, System.currentTimeMillis());
                }
                long now = System.currentTimeMillis();
                if (now >= nextEndCheck) {
                    behind = behindEnd();
                    nextEndCheck = now + END_CHECK_MILLIS;
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    // end offsets follow the isolation level: for read_committed they are the last stable offsets
    private long behindEnd() {
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
            sum += Math.max(0, end.getValue() - consumer.position(end.getKey()));
        }
        return sum;
    }

    /** Records between the follower's position and the end it can read to, as of its last check (≤ 250 ms ago). */
    public long behind() {
        if (failure != null) {
            throw new IllegalStateException("reading " + partitions + " failed: " + failure.getMessage(), failure);
        }
        return behind;
    }

    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(2));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
