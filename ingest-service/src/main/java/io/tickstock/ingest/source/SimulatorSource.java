package io.tickstock.ingest.source;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.publish.RawPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Drives the {@link MarketSimulator} at the configured rate on its own thread and publishes every trade. Paced by
 * elapsed time rather than fixed sleeps, so the rate holds even when a send blocks for a moment.
 */
@ApplicationScoped
public class SimulatorSource {

    public static final String PROVIDER = "simulator";

    private static final Logger LOG = Logger.getLogger(SimulatorSource.class);
    private static final long PACING_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final IngestConfig config;
    private final RawPublisher publisher;
    private final Clock clock = Clock.systemUTC();
    private volatile Thread thread;
    private volatile long sent;
    private volatile boolean finished;

    public SimulatorSource(IngestConfig config, RawPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.source() == IngestConfig.SourceKind.SIMULATOR) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        IngestConfig.Simulator settings = config.simulator();
        List<String> symbols = settings.symbols().orElseGet(() -> MarketSimulator.symbols(settings.symbolCount()));
        MarketSimulator simulator = new MarketSimulator(settings.seed(), symbols, settings.volatility());
        long limit = settings.maxMessages().orElse(Long.MAX_VALUE);
        finished = false;
        thread = new Thread(() -> run(simulator, limit), "simulator");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("simulator started: seed %d, %d symbols, %.0f trades/s%s", settings.seed(), symbols.size(),
                settings.tradesPerSecond(), limit == Long.MAX_VALUE ? "" : ", " + limit + " messages");
    }

    public synchronized void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run(MarketSimulator simulator, long limit) {
        double perNano = config.simulator().tradesPerSecond() / TimeUnit.SECONDS.toNanos(1);
        long startNanos = System.nanoTime();
        while (sent < limit && !Thread.currentThread().isInterrupted()) {
            long due = Math.min(limit, (long) ((System.nanoTime() - startNanos) * perNano));
            while (sent < due) {
                publisher.publish(PROVIDER, simulator.nextTrade(clock.millis()));
                sent++;
            }
            LockSupport.parkNanos(PACING_NANOS);
        }
        publisher.flush();
        finished = sent >= limit;
        LOG.infof("simulator stopped after %d messages", sent);
    }

    public boolean running() {
        return thread != null && thread.isAlive();
    }

    /** True once a run with {@code max-messages} has sent all of them. */
    public boolean finished() {
        return finished;
    }

    public long sent() {
        return sent;
    }
}
