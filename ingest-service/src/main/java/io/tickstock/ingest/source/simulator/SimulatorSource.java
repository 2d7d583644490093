package io.tickstock.ingest.source.simulator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import io.tickstock.model.Feed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** The simulator as a live source: one {@link SimulatorRun} at a time on its own thread. */
@ApplicationScoped
public class SimulatorSource {

    private static final Logger LOG = Logger.getLogger(SimulatorSource.class);

    private final IngestConfig.Simulator settings;
    private final Intake intake;
    private final Clock clock = Clock.systemUTC();
    private volatile SimulatorRun run;
    private volatile double multiplier;
    private Thread thread;

    public SimulatorSource(IngestConfig config, Intake intake, MeterRegistry registry) {
        this.settings = config.simulator();
        this.intake = intake;
        this.multiplier = SimulatorRun.checked(settings.rateMultiplier());
        Gauge.builder("tickstock.ingest.simulator.lag", this, s -> s.run == null ? 0 : s.run.lagMillis())
                .description("how far the simulator is behind its schedule").baseUnit("milliseconds")
                .register(registry);
    }

    /**
     * What the status page shows about the simulator.
     *
     * @param maxLagMillis the most any message of the run went out behind its schedule
     * @param schedule when messages are due, for measuring latency from the schedule
     */
    public record Status(String profile, long seed, double multiplier, boolean running, boolean finished,
            long sent, Map<Feed, Long> sentByFeed, Map<Feed, Long> duplicatesByFeed, long lagMillis,
            long maxLagMillis, long simulatedTime, long messagesPerMinute, SimulatorRun.Schedule schedule) {
    }

    /** Starts a run of {@code profile} (the configured one when empty); a running one is stopped first. */
    public synchronized void start(Optional<String> profileName) {
        stop();
        SimulatorProfile profile = SimulatorProfile.named(profileName.orElse(settings.profile())).with(settings);
        List<String> universe = Universe.symbols(settings.symbols().orElse(List.of()), Math.max(
                profile.ohlcvSymbols(), Math.max(profile.tickSymbols(), profile.fmvSymbols())));
        long now = clock.millis();
        MarketSimulator market = new MarketSimulator(profile, universe, settings.seed(), settings.duplicateRate(), now);
        long end = profile.length().map(length -> market.start() + length.toMillis()).orElse(Long.MAX_VALUE);
        Origin origin = new Origin(Origin.SIMULATOR, profile.name() + " seed " + settings.seed());
        // the pace is anchored at the clock read here, with the run's nanoTime beside it: building the market above
        // takes tens of milliseconds, and anchored at `now` every message went out that much after its timestamp
        SimulatorRun started = new SimulatorRun(market, intake, origin, settings.maxMessages().orElse(Long.MAX_VALUE),
                end, multiplier, clock.millis(), System::nanoTime);
        run = started;
        thread = new Thread(() -> {
            try {
                started.run();
                LOG.infof("simulator stopped after %d messages", started.total());
            } catch (RuntimeException e) {
                LOG.errorf(e, "simulator failed after %d messages", started.total());
            }
        }, "simulator");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("simulator started: profile %s, seed %d, %d messages/min x%.1f (%d OHLCV, %d tick, %d FMV symbols)%s",
                profile.name(), settings.seed(), profile.messagesPerMinute(), multiplier, profile.ohlcvSymbols(),
                profile.tickSymbols(), profile.fmvSymbols(),
                settings.maxMessages().isPresent() ? ", " + settings.maxMessages().getAsLong() + " messages" : "");
    }

    public synchronized void stop() {
        SimulatorRun current = run;
        if (current != null && thread != null) {
            current.stop();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Changes the speed of the running market and of later runs. */
    public synchronized void multiplier(double value) {
        multiplier = SimulatorRun.checked(value);
        SimulatorRun current = run;
        if (current != null) {
            current.multiplier(value);
        }
    }

    public boolean running() {
        return thread != null && thread.isAlive();
    }

    public Optional<Status> status() {
        SimulatorRun current = run;
        if (current == null) {
            return Optional.empty();
        }
        SimulatorProfile profile = current.market().profile();
        return Optional.of(new Status(profile.name(), settings.seed(), current.multiplier(), running(),
                current.finished(), current.total(), current.sent(), current.duplicates(), current.lagMillis(),
                current.maxLagMillis(), current.simulatedTime(), profile.messagesPerMinute(), current.schedule()));
    }
}
