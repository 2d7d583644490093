package io.tickstock.perf.measure;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka's own one-hop latency on the broker under test, all through a run, at a cost that does not distort it: one
 * 16-byte message every {@link #INTERVAL} from the harness's JVM, produced as the pipeline produces
 * ({@code acks=all}, idempotent, no linger) and read back by a consumer assigned to the topic's partition. Each
 * message carries its sequence number and {@code System.nanoTime()} at sending; the accounting is
 * {@link ProbeLedger}'s. Its cost is the CPU time of its own threads: sending, receiving, and the producer's network
 * thread.
 */
public final class KafkaProbe implements AutoCloseable {

    public static final String TOPIC = "tickstock.perf.baseline";
    /** 20 messages a second: 100 per 5 s of the timeline, enough for a p99 per interval, next to nothing to send. */
    public static final Duration INTERVAL = Duration.ofMillis(50);
    /** A message not back within this counts as lost. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CLIENT_ID = "perf-kafka-probe";
    private static final int PAYLOAD_BYTES = 16;
    private static final Duration POLL = Duration.ofMillis(100);

    /** One interval of the timeline: latency of the messages back in it, messages found lost, the probe's CPU. */
    public record Interval(Percentiles latency, long lost, double cpuPercent) {
    }

    /**
     * The probe over the run.
     *
     * @param late messages that came back after they had been counted lost
     * @param cpuPercent the CPU time of {@code cpuThreads} over the {@code seconds} the probe ran, percent of a core
     */
    public record Summary(String topic, double intervalMillis, double seconds, long sent, long received, long lost,
            long late, Percentiles latency, double cpuSeconds, double cpuPercent, List<String> cpuThreads) {
    }

    private final ProbeLedger ledger = new ProbeLedger(TIMEOUT.toNanos());
    private final ThreadCpu cpu = new ThreadCpu();
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition = new TopicPartition(TOPIC, 0);
    private final ScheduledExecutorService sender;
    private final Thread receiver;
    private final long startedNanos;
    private volatile boolean receiving = true;
    private long intervalStartNanos;
    private long intervalStartCpu;
    private Summary summary;

    private KafkaProbe(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
        cpu.track("kafka-producer-network-thread | " + CLIENT_ID);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition); // resolves the end now: every message sent from here on is read
        receiver = new Thread(this::receive, "perf-kafka-probe-receive");
        receiver.setDaemon(true);
        cpu.track(receiver);
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "perf-kafka-probe-send");
            thread.setDaemon(true);
            cpu.track(thread);
            return thread;
        });
        startedNanos = System.nanoTime();
        intervalStartNanos = startedNanos;
        receiver.start();
        sender.scheduleAtFixedRate(this::send, 0, INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Creates the probe's topic if it is missing and starts sending. */
    public static KafkaProbe start(String bootstrap) {
        createTopic(bootstrap);
        return new KafkaProbe(bootstrap);
    }

    private static void createTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + TOPIC + " within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        }
    }

    private void send() {
        long now = System.nanoTime();
        ledger.expire(now);
        long sequence = ledger.sent(now);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(sequence).putLong(now).array();
        try {
            producer.send(new ProducerRecord<>(TOPIC, partition.partition(), null, payload), (metadata, e) -> {
                if (e != null) {
                    ledger.failed(sequence);
                }
            });
        } catch (RuntimeException e) {
            // an exception out of a scheduled task would end the schedule: the message is lost, the next one goes
            ledger.failed(sequence);
        }
    }

    private void receive() {
        try {
            while (receiving) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    long now = System.nanoTime();
                    if (record.value() == null || record.value().length != PAYLOAD_BYTES) {
                        throw new IllegalStateException("a record on " + TOPIC + " that is not the probe's, at offset "
                                + record.offset() + ": is another probe writing to it?");
                    }
                    ByteBuffer payload = ByteBuffer.wrap(record.value());
                    ledger.received(payload.getLong(), payload.getLong(), now);
                }
            }
        } catch (RuntimeException e) {
            // what is sent from now on is counted lost; this says why
            System.err.println("Kafka probe: stopped receiving: " + e);
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    /** What the probe had since the last call (or its start). */
    public synchronized Interval interval() {
        long now = System.nanoTime();
        long cpuNow = cpu.nanos();
        ProbeLedger.Interval interval = ledger.interval(now);
        double cpuPercent = percent(cpuNow - intervalStartCpu, now - intervalStartNanos);
        intervalStartNanos = now;
        intervalStartCpu = cpuNow;
        return new Interval(interval.latency(), interval.lost(), cpuPercent);
    }

    /**
     * Stops sending, waits up to the timeout for the messages still out, stops the clients, and sums up the run.
     * Messages still out then are lost.
     */
    public synchronized Summary stop() {
        if (summary != null) {
            return summary;
        }
        sender.shutdown();
        awaitOutstanding();
        long ranNanos = System.nanoTime() - startedNanos;
        long cpuNanos = cpu.nanos();
        receiving = false;
        join(receiver);
        producer.close(Duration.ZERO);
        ProbeLedger.Totals totals = ledger.finish();
        summary = new Summary(TOPIC, INTERVAL.toMillis(), round(ranNanos / 1e9), totals.sent(), totals.received(),
                totals.lost(), totals.late(), totals.latency(), round(cpuNanos / 1e9), percent(cpuNanos, ranNanos),
                cpu.names());
        return summary;
    }

    private void awaitOutstanding() {
        try {
            ledger.awaitNoneOutstanding(TIMEOUT.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the probe if {@link #stop()} did not (a run that failed on the way). */
    @Override
    public void close() {
        stop();
    }

    private static void join(Thread thread) {
        try {
            thread.join(POLL.multipliedBy(20).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double percent(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : round(100.0 * cpuNanos / wallNanos);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
