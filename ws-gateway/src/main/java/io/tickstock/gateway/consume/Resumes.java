package io.tickstock.gateway.consume;

import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.queue.Cursor;
import io.tickstock.gateway.socket.ClientSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs resumes, at most {@code max-concurrent-resumes} at once (each reads Kafka with its own reader). */
@ApplicationScoped
public class Resumes {

    private final GatewayConfig config;
    private final KafkaReaders readers;
    private final EventDecoder decoder;
    private final RepeatFilter repeats;
    private final FeedState feed;
    private final ExecutorService executor;

    public Resumes(GatewayConfig config, KafkaReaders readers, EventDecoder decoder, RepeatFilter repeats,
            FeedState feed) {
        this.config = config;
        this.readers = readers;
        this.decoder = decoder;
        this.repeats = repeats;
        this.feed = feed;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.maxConcurrentResumes(), runnable -> {
            Thread thread = new Thread(runnable, "resume-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Replays from {@code cursor} for a session that claimed its resume. */
    public void start(ClientSession session, Cursor cursor) {
        executor.execute(new Replay(session, cursor, config.eventsTopic(), readers, decoder, repeats, feed));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
