package io.tickstock.ingest.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.IngestConfig.SourceKind;
import io.tickstock.ingest.Intake;
import io.tickstock.ingest.source.provider.Backoff;
import io.tickstock.ingest.source.provider.ProviderClient;
import io.tickstock.ingest.source.simulator.SimulatorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;

/**
 * Which live source feeds the raw topics (simulator, provider, or none), and switching between them at run time:
 * at most one runs, so a switch never mixes two markets. Replays are separate and run beside it.
 */
@ApplicationScoped
public class SourceControl {

    private static final Logger LOG = Logger.getLogger(SourceControl.class);

    private final IngestConfig config;
    private final SimulatorSource simulator;
    private final Intake intake;
    private final Counter reconnects;
    private volatile SourceKind current;
    private volatile boolean running;
    private volatile ProviderClient provider;

    public SourceControl(IngestConfig config, SimulatorSource simulator, Intake intake, MeterRegistry registry) {
        this.config = config;
        this.simulator = simulator;
        this.intake = intake;
        this.current = config.source();
        this.reconnects = registry.counter("tickstock.ingest.feed.reconnects", "source", "provider");
        Gauge.builder("tickstock.ingest.feed.connected", this, s -> s.providerConnected() ? 1 : 0)
                .tag("source", "provider").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (current != SourceKind.NONE) {
            start(Optional.empty());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        ProviderClient client = provider;
        if (client != null) {
            client.close();
        }
    }

    /** Stops the current source and makes {@code kind} current (started when {@code start}). */
    public synchronized void use(SourceKind kind, Optional<String> profile, boolean start) {
        stop();
        current = kind;
        if (start && kind != SourceKind.NONE) {
            start(profile);
        }
    }

    /** Starts the current source ({@code profile} only matters for the simulator). */
    public synchronized void start(Optional<String> profile) {
        switch (current) {
            case SIMULATOR -> simulator.start(profile);
            case PROVIDER -> providerClient().start();
            case NONE -> throw new IllegalStateException("no source is selected; choose simulator or provider");
        }
        running = true;
        LOG.infof("source %s started", current.name().toLowerCase());
    }

    public synchronized void stop() {
        simulator.stop();
        ProviderClient client = provider;
        if (client != null) {
            client.stop();
        }
        running = false;
    }

    private ProviderClient providerClient() {
        if (provider == null) {
            IngestConfig.Provider settings = config.provider();
            String url = settings.url().filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "the provider source needs TICKSTOCK_PROVIDER_URL (wss://…) and TICKSTOCK_PROVIDER_KEY"));
            URI uri = URI.create(url.trim());
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
                throw new IllegalStateException("TICKSTOCK_PROVIDER_URL must start with wss:// or ws://");
            }
            String key = settings.key().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "the provider source needs TICKSTOCK_PROVIDER_KEY"));
            provider = new ProviderClient(new ProviderClient.Settings(uri, key, settings.subscribe(),
                    settings.backoffInitial(), settings.backoffMax(), settings.connectTimeout(), settings.pingInterval(),
                    config.validation().maxFrameBytes()), intake,
                    new Backoff(settings.backoffInitial(), settings.backoffMax(), new SplittableRandom()),
                    Clock.systemUTC(), reconnects::increment);
        }
        return provider;
    }

    public SourceKind current() {
        return current;
    }

    /** Whether the current source was started and not stopped (a finished simulator run still counts). */
    public boolean running() {
        return running;
    }

    public Optional<ProviderClient.Status> providerStatus() {
        ProviderClient client = provider;
        return client == null ? Optional.empty() : Optional.of(client.status());
    }

    private boolean providerConnected() {
        return providerStatus().map(ProviderClient.Status::connected).orElse(false);
    }
}
