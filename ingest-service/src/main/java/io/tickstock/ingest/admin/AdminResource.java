package io.tickstock.ingest.admin;

import io.tickstock.ingest.IngestConfig.SourceKind;
import io.tickstock.ingest.source.SourceControl;
import io.tickstock.ingest.source.replay.ReplayRunner;
import io.tickstock.ingest.source.simulator.SimulatorSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The ingest service's operator API on :8081 (documented in docs/operations.md): status; start, stop and switch
 * the live source; the simulator's speed; replays.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** Body of {@code PUT /source}: which source, and for the simulator which profile. */
    public record SourceChoice(String source, String profile) {
    }

    /** Body of {@code PUT /simulator/rate}. */
    public record Rate(Double multiplier) {
    }

    private final IngestStatus status;
    private final SourceControl sources;
    private final SimulatorSource simulator;
    private final ReplayRunner replay;

    public AdminResource(IngestStatus status, SourceControl sources, SimulatorSource simulator, ReplayRunner replay) {
        this.status = status;
        this.sources = sources;
        this.simulator = simulator;
        this.replay = replay;
    }

    @GET
    @Path("status")
    public IngestStatus.Status status() {
        return status.status();
    }

    @PUT
    @Path("source")
    @Consumes(MediaType.APPLICATION_JSON)
    public IngestStatus.Status use(SourceChoice choice) {
        if (choice == null || choice.source() == null) {
            throw new IllegalArgumentException("say which source: {\"source\":\"simulator|provider|none\"}");
        }
        SourceKind kind;
        try {
            kind = SourceKind.valueOf(choice.source().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source '" + choice.source() + "': simulator, provider or none");
        }
        sources.use(kind, Optional.ofNullable(choice.profile()), true);
        return status.status();
    }

    @POST
    @Path("source/start")
    public IngestStatus.Status start() {
        sources.start(Optional.empty());
        return status.status();
    }

    @POST
    @Path("source/stop")
    public IngestStatus.Status stop() {
        sources.stop();
        return status.status();
    }

    @PUT
    @Path("simulator/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    public IngestStatus.Status rate(Rate rate) {
        if (rate == null || rate.multiplier() == null) {
            throw new IllegalArgumentException("say how fast: {\"multiplier\":5}");
        }
        simulator.multiplier(rate.multiplier());
        return status.status();
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(ReplayRunner.Request request) {
        return Response.accepted(replay.start(naming(request))).build();
    }

    /** Each symbol of a file and its earliest event time (epoch ms), read without replaying anything. */
    @POST
    @Path("replay/earliest")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Long> replayEarliest(ReplayRunner.Request request) {
        return replay.earliestBySymbol(naming(request));
    }

    private static ReplayRunner.Request naming(ReplayRunner.Request request) {
        if (request == null) {
            throw new IllegalArgumentException("say which file to replay: {\"file\":\"/path/to/bars.csv\"}");
        }
        return request;
    }

    @GET
    @Path("replay")
    public Response replayProgress() {
        return replay.progress().map(p -> Response.ok(p).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no replay yet")).build());
    }

    /** One line for the console ({@code ./tickstock replay} prints it); the first word is the state. */
    @GET
    @Path("replay/progress")
    @Produces(MediaType.TEXT_PLAIN)
    public String replayLine() {
        return replay.progress().map(ReplayRunner.Progress::line).orElse("none no replay yet");
    }

    @DELETE
    @Path("replay")
    public Response stopReplay() {
        return replay.stop().map(p -> Response.ok(p).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no replay yet")).build());
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
