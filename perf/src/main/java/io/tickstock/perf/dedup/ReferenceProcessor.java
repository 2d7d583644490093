package io.tickstock.perf.dedup;

import io.tickstock.perf.run.Waits;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.Stack;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/**
 * The reference of the dedup audit: the packaged processor, with the configuration the live one has (this process's
 * environment, which the stack was started from), run once more over the run's raw topics from their beginning —
 * never interrupted, under an application id, state directory and events topic of its own, so it shares nothing
 * with the live processor but the input. The same program is the right oracle here: what is under test is not the
 * detectors but whether kills, restarts, state restoration and re-sent input make the live run differ from an
 * uninterrupted one.
 */
final class ReferenceProcessor implements AutoCloseable {

    static final String APPLICATION_ID = "tickstock-dedup-reference";
    static final String EVENTS = "tickstock.dedup-reference.events";
    static final String DLQ = "tickstock.dedup-reference.dlq";
    /** How long the reference's events must stay unchanged once it has committed all raw input (its FMV stage). */
    private static final Duration SETTLED = Duration.ofSeconds(5);

    private final ServiceProcess process;
    private final Path state;
    private final Path log;

    private ReferenceProcessor(ServiceProcess process, Path state, Path log) {
        this.process = process;
        this.state = state;
        this.log = log;
    }

    /** Creates the reference's topics (as many partitions as the raw topics) and starts it on {@code jar}. */
    static ReferenceProcessor start(Path jar, String bootstrap, int partitions, Path log) {
        createTopics(bootstrap, partitions);
        Path state;
        try {
            state = Files.createTempDirectory("tickstock-dedup-reference");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reference processor's state directory", e);
        }
        return new ReferenceProcessor(ServiceProcess.start("dedup-reference", jar, 384, log, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_PROFILE", "local",
                "KAFKA_STREAMS_APPLICATION_ID", APPLICATION_ID,
                "KAFKA_STREAMS_GROUP_INSTANCE_ID", APPLICATION_ID,
                "KAFKA_STREAMS_STATE_DIR", state.toString(),
                "TICKSTOCK_PROCESSOR_TOPICS_EVENTS", EVENTS,
                "TICKSTOCK_PROCESSOR_TOPICS_DLQ", DLQ)), state, log);
    }

    private static void createTopics(String bootstrap, int partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(EVENTS, Optional.of(partitions), Optional.empty()),
                    new NewTopic(DLQ, Optional.of(partitions), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the reference's topics " + EVENTS + " and " + DLQ + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Until both engines have committed every raw record and the events topic has stopped growing; fails when the
     * process dies or {@code timeout} passes.
     */
    void awaitDone(KafkaOffsets offsets, Stack.TopicNames topics, Duration timeout) {
        Map<TopicPartition, Long> raw = offsets.ends(topics.raw());
        Map<TopicPartition, Long> bars = offsets.ends(List.of(topics.rawOhlcv()));
        boolean consumed = Waits.SYSTEM.until(timeout, () -> running()
                && KafkaOffsets.lag(raw, offsets.committed(APPLICATION_ID), Map.of()) == 0
                && KafkaOffsets.lag(bars, offsets.committed(APPLICATION_ID + "-ohlcv"), Map.of()) == 0);
        Waits.Stable events = Waits.SYSTEM.stable(() -> offsets.stableEnds(List.of(EVENTS)));
        if (!consumed || !Waits.SYSTEM.until(Duration.ofSeconds(60), () -> running()
                && events.stillFor(SETTLED))) {
            throw new IllegalStateException("the reference processor did not process the run's raw records within "
                    + timeout.toSeconds() + " s; see " + log);
        }
    }

    /** True while the process runs; a reference that stopped fails the wait at once. */
    private boolean running() {
        if (!process.alive()) {
            throw new IllegalStateException("the reference processor stopped (exit " + process.exitValue()
                    + "); see " + log);
        }
        return true;
    }

    @Override
    public void close() {
        process.close();
        try {
            Directories.deleteTree(state);
        } catch (UncheckedIOException e) {
            // a temporary directory left behind costs nothing the audit reports
        }
    }
}
