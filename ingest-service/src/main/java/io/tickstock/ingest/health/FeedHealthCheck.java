package io.tickstock.ingest.health;

import io.tickstock.ingest.IngestConfig.SourceKind;
import io.tickstock.ingest.source.SourceControl;
import io.tickstock.ingest.source.provider.ProviderClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the live feed: with the provider as source, ready only while connected, authenticated and
 * subscribed; always says when it last delivered. The simulator and "none" are always ready.
 */
@Readiness
@ApplicationScoped
public class FeedHealthCheck implements HealthCheck {

    private final SourceControl sources;

    public FeedHealthCheck(SourceControl sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest feed")
                .withData("source", sources.current().name().toLowerCase());
        if (sources.current() != SourceKind.PROVIDER) {
            return response.up().build();
        }
        ProviderClient.Status status = sources.providerStatus().orElse(null);
        if (status == null) {
            return response.down().withData("state", "not started").build();
        }
        response.withData("state", status.state().name().toLowerCase())
                .withData("url", status.url())
                .withData("connected", status.connected())
                .withData("lastDelivery", status.lastDelivery() == null ? "never"
                        : Instant.ofEpochMilli(status.lastDelivery()).toString());
        if (status.lastStatus() != null) {
            response.withData("lastStatus", status.lastStatus());
        }
        return response.status(status.connected()).build();
    }
}
