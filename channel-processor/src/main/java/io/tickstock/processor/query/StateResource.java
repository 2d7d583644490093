package io.tickstock.processor.query;

import io.tickstock.processor.state.BarHistory;
import io.tickstock.processor.state.FmvState;
import io.tickstock.processor.state.SymbolState;
import io.tickstock.processor.state.TickSample;
import io.tickstock.processor.state.TickState;
import io.tickstock.processor.topology.StoreNames;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@code GET /state/{symbol}}: everything the processor remembers about a symbol, for debugging (SPEC §11), read
 * with interactive queries. A symbol lives in one partition and so on one instance: another instance's symbol gets
 * a 307 to that instance (from {@code application.server}); an unknown one a 404.
 */
@Path("/state")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    /** How much of the one-second tick series the view shows. */
    private static final long RECENT_SERIES_MILLIS = 60_000;

    @Inject
    KafkaStreams streams;

    @GET
    @Path("/{symbol}")
    public Response state(@PathParam("symbol") String symbol) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", "processor is " + streams.state() + ", state not queryable yet")).build();
        }
        KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.SYMBOL_STATE, symbol,
                Serdes.String().serializer());
        HostInfo active = where.activeHost();
        if (!isLocal(where.partition()) && active != null && active.port() > 0) {
            URI there = URI.create("http://" + active.host() + ":" + active.port() + "/state/" + symbol);
            return Response.temporaryRedirect(there).entity(Map.of("symbol", symbol, "instance", there.toString()))
                    .build();
        }
        SymbolState shared = this.<SymbolState>keyValue(StoreNames.SYMBOL_STATE).get(symbol);
        TickState tick = this.<TickState>keyValue(StoreNames.TICK_STATE).get(symbol);
        BarHistory bars = this.<BarHistory>keyValue(StoreNames.BAR_HISTORY).get(symbol);
        FmvState fmv = this.<FmvState>keyValue(StoreNames.FMV_STATE).get(symbol);
        if (shared == null && tick == null && bars == null && fmv == null) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("error", "no state for symbol '" + symbol + "'")).build();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("symbol", symbol);
        view.put("partition", where.partition());
        view.put("shared", shared);
        view.put("tick", tick);
        view.put("recentSeconds", recentSeries(symbol, shared));
        view.put("bars", bars);
        view.put("fmv", fmv);
        return Response.ok(view).build();
    }

    /** Whether one of this instance's stream threads runs the task of {@code partition}. */
    private boolean isLocal(int partition) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .anyMatch(task -> task.taskId().partition() == partition);
    }

    private <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private List<TickSample> recentSeries(String symbol, SymbolState shared) {
        List<TickSample> recent = new ArrayList<>();
        if (shared == null) {
            return recent;
        }
        ReadOnlyWindowStore<String, TickSample> series = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.TICK_SERIES, QueryableStoreTypes.<String, TickSample>windowStore()));
        long newest = shared.newestAt();
        try (WindowStoreIterator<TickSample> it = series.fetch(symbol,
                Instant.ofEpochMilli(newest - RECENT_SERIES_MILLIS), Instant.ofEpochMilli(newest))) {
            it.forEachRemaining(kv -> recent.add(kv.value));
        }
        return recent;
    }
}
