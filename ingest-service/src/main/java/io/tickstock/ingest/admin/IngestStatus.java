package io.tickstock.ingest.admin;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tickstock.ingest.Intake;
import io.tickstock.ingest.metrics.FeedRates;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.ingest.source.SourceControl;
import io.tickstock.ingest.source.provider.ProviderClient;
import io.tickstock.ingest.source.replay.ReplayRunner;
import io.tickstock.ingest.source.simulator.SimulatorSource;
import io.tickstock.model.Feed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Gathers what {@code GET /status} shows from every part of the service, and samples the feed rates. */
@ApplicationScoped
public class IngestStatus {

    /** The status page: the live source, its connection, rates and counts, the producer, the replay. */
    public record Status(
            String source,
            boolean running,
            boolean connected,
            Long lastDelivery,
            Map<Feed, FeedRates.Rate> rates,
            Map<Feed, Long> accepted,
            Map<Feed, Long> published,
            Map<String, Long> rejected,
            long publishFailed,
            long deadLettered,
            Producer producer,
            SimulatorSource.Status simulator,
            ProviderClient.Status provider,
            ReplayRunner.Progress replay) {
    }

    /** The producer's back-pressure: free buffer and total time sends waited for it. */
    public record Producer(double bufferAvailableBytes, long blockedMillis) {
    }

    private final SourceControl sources;
    private final SimulatorSource simulator;
    private final ReplayRunner replay;
    private final Intake intake;
    private final RawPublisher publisher;
    private final FeedRates rates;
    private ScheduledExecutorService sampler;

    public IngestStatus(SourceControl sources, SimulatorSource simulator, ReplayRunner replay, Intake intake,
            RawPublisher publisher) {
        this.sources = sources;
        this.simulator = simulator;
        this.replay = replay;
        this.intake = intake;
        this.publisher = publisher;
        this.rates = new FeedRates(() -> intake.counters().acceptedByFeed());
    }

    void onStart(@Observes StartupEvent event) {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(rates::sample, 0, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        sampler.shutdownNow();
    }

    public Status status() {
        ProviderClient.Status provider = sources.providerStatus().orElse(null);
        SimulatorSource.Status simulated = simulator.status().orElse(null);
        boolean connected;
        Long lastDelivery = null;
        switch (sources.current()) {
            case PROVIDER -> {
                connected = provider != null && provider.connected();
                lastDelivery = provider == null ? null : provider.lastDelivery();
            }
            case SIMULATOR -> connected = simulator.running();
            default -> connected = false;
        }
        return new Status(sources.current().name().toLowerCase(), sources.running(), connected, lastDelivery,
                rates.rates(), intake.counters().acceptedByFeed(), publisher.publishedCounts(),
                intake.counters().rejectedByReason(), publisher.failedCount(), publisher.deadLetteredCount(),
                new Producer(publisher.bufferAvailableBytes(), publisher.blockedTime().toMillis()), simulated,
                provider, replay.progress().orElse(null));
    }
}
