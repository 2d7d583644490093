package io.tickstock.ingest.admin;

import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.ingest.source.SimulatorSource;
import io.tickstock.model.Feed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /status}: what the ingest service is doing, for people and scripts. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final IngestConfig config;
    private final SimulatorSource simulator;
    private final RawPublisher publisher;

    public StatusResource(IngestConfig config, SimulatorSource simulator, RawPublisher publisher) {
        this.config = config;
        this.simulator = simulator;
        this.publisher = publisher;
    }

    public record Status(String source, boolean running, boolean finished, long sent, Map<Feed, Long> published) {
    }

    @GET
    public Status status() {
        return new Status(config.source().name().toLowerCase(), simulator.running(), simulator.finished(),
                simulator.sent(), publisher.publishedCounts());
    }
}
