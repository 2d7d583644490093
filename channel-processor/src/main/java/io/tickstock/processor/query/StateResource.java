package io.tickstock.processor.query;

import io.tickstock.processor.engine.ChannelEngines;
import io.tickstock.processor.engine.Engine;
import io.tickstock.processor.state.BarHistory;
import io.tickstock.processor.state.FmvState;
import io.tickstock.processor.state.MarketSymbol;
import io.tickstock.processor.state.TickSecond;
import io.tickstock.processor.state.TickSeries;
import io.tickstock.processor.topology.StoreNames;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/**
 * {@code GET /state/{symbol}}: everything the processor remembers about a symbol, for debugging (SPEC §11), read
 * with interactive queries. A symbol lives in one partition: its tick and FMV state on the instance whose tick
 * engine has that partition (another instance's symbol gets a 307 there, from {@code application.server}), its bars
 * on the instance whose OHLCV engine has it (named in {@code barsAt} when that is another one). An unknown symbol
 * gets a 404.
 */
@Path("/state")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    /** How many of the latest seconds of the tick series the view shows. */
    private static final int RECENT_SECONDS = 60;

    @Inject
    ChannelEngines engines;

    @GET
    @Path("/{symbol}")
    public Response state(@PathParam("symbol") String symbol) {
        KafkaStreams tick = engines.streams(Engine.TICK);
        if (tick.state() != KafkaStreams.State.RUNNING) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", "processor is " + tick.state() + ", state not queryable yet")).build();
        }
        URI elsewhere = elsewhere(tick, StoreNames.TICK_SYMBOLS, symbol);
        if (elsewhere != null) {
            return Response.temporaryRedirect(elsewhere)
                    .entity(Map.of("symbol", symbol, "instance", elsewhere.toString())).build();
        }
        MarketSymbol market = this.<MarketSymbol>keyValue(tick, StoreNames.TICK_SYMBOLS).get(symbol);
        FmvState fmv = this.<FmvState>keyValue(tick, StoreNames.FMV_STATE).get(symbol);
        KafkaStreams ohlcv = engines.streams(Engine.OHLCV);
        URI barsAt = ohlcv.state() == KafkaStreams.State.RUNNING ? elsewhere(ohlcv, StoreNames.BAR_HISTORY, symbol)
                : null;
        BarHistory bars = barsAt == null && ohlcv.state() == KafkaStreams.State.RUNNING
                ? this.<BarHistory>keyValue(ohlcv, StoreNames.BAR_HISTORY).get(symbol) : null;
        if (market == null && fmv == null && bars == null && barsAt == null) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("error", "no state for symbol '" + symbol + "'")).build();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("symbol", symbol);
        view.put("partition", tick.queryMetadataForKey(StoreNames.TICK_SYMBOLS, symbol,
                Serdes.String().serializer()).partition());
        view.put("shared", market == null ? null : market.shared());
        view.put("tick", market == null ? null : market.tick());
        view.put("recentSeconds", market == null ? List.of() : recentSeconds(tick, symbol, market));
        view.put("bars", bars);
        if (barsAt != null) {
            view.put("barsAt", barsAt.toString());
        }
        view.put("fmv", fmv);
        return Response.ok(view).build();
    }

    /** Where another instance holds {@code symbol} in {@code store}, or null when this one does. */
    private static URI elsewhere(KafkaStreams streams, String store, String symbol) {
        KeyQueryMetadata where = streams.queryMetadataForKey(store, symbol, Serdes.String().serializer());
        HostInfo active = where.activeHost();
        if (isLocal(streams, where.partition()) || active == null || active.port() <= 0) {
            return null;
        }
        return URI.create("http://" + active.host() + ":" + active.port() + "/state/" + symbol);
    }

    /** Whether one of this instance's stream threads runs the task of {@code partition}. */
    private static boolean isLocal(KafkaStreams streams, int partition) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .anyMatch(task -> task.taskId().partition() == partition);
    }

    private <V> ReadOnlyKeyValueStore<String, V> keyValue(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** The newest closed seconds and the one filling, oldest first. */
    private List<Object> recentSeconds(KafkaStreams tick, String symbol, MarketSymbol market) {
        List<Object> recent = new ArrayList<>();
        if (market.open() == null) {
            return recent;
        }
        long newest = market.tick().lastSecond();
        ReadOnlyKeyValueStore<String, TickSecond> seconds = keyValue(tick, StoreNames.TICK_SECONDS);
        for (long second = newest - RECENT_SECONDS + 1; second < newest; second++) {
            TickSecond closed = seconds.get(TickSeries.key(symbol, second));
            if (closed != null && closed.sample() != null) {
                recent.add(closed.sample());
            }
        }
        if (market.open().sample() != null) {
            recent.add(market.open().sample());
        }
        return recent;
    }
}
