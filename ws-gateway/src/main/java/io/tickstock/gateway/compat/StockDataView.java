package io.tickstock.gateway.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.Subscription;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.gateway.socket.Frames;
import io.tickstock.gateway.socket.View;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.serde.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The compatibility view {@code /ws/v1/stock_data} (SPEC §8) for dashboards written against the older linear system:
 * subscribe with symbols ({@code "AAPL,MSFT"} or {@code "*"}), receive once a second
 * {@code {"ev":"stock_data","highs":[],"lows":[],"trending":{"up":[],"down":[]},"surging":{"up":[],"down":[]}}}.
 * Each list holds a symbol once, with its latest event of that second.
 */
public final class StockDataView implements View {

    public static final StockDataView INSTANCE = new StockDataView();

    /** The event types the older dashboard shows. */
    static final List<EventType> TYPES = List.of(EventType.HIGH, EventType.LOW, EventType.TREND, EventType.SURGE);

    private StockDataView() {
    }

    @Override
    public List<Subscription> patterns(String params) {
        if (params == null || params.isBlank()) {
            throw new IllegalArgumentException("params must list symbols, e.g. \"AAPL,MSFT\", or \"*\"");
        }
        List<Subscription> patterns = new ArrayList<>();
        for (String symbol : params.split(",")) {
            for (EventType type : TYPES) {
                patterns.add(Subscription.parse(type.wireName() + '.' + symbol.strip()));
            }
        }
        return patterns;
    }

    @Override
    public String subscribed(Subscriptions subscriptions) {
        TreeSet<String> symbols = new TreeSet<>();
        subscriptions.asText().forEach(pattern -> symbols.add(pattern.substring(pattern.indexOf('.') + 1)));
        return Frames.subscribed(List.copyOf(symbols));
    }

    @Override
    public boolean snapshots() {
        return false;
    }

    @Override
    public boolean resumable() {
        return false;
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public String frame(List<OutgoingEvent> events, boolean snapshot, String cursor) {
        Map<String, Map<String, OutgoingEvent>> lists = new LinkedHashMap<>();
        for (String list : List.of("highs", "lows", "trending.up", "trending.down", "surging.up", "surging.down")) {
            lists.put(list, new LinkedHashMap<>());
        }
        for (OutgoingEvent event : events) {
            String list = listOf(event);
            if (list != null) {
                lists.get(list).remove(event.symbol());
                lists.get(list).put(event.symbol(), event);
            }
        }
        ObjectNode batch = Json.mapper().createObjectNode();
        batch.put("ev", "stock_data");
        fill(batch.putArray("highs"), lists.get("highs"));
        fill(batch.putArray("lows"), lists.get("lows"));
        ObjectNode trending = batch.putObject("trending");
        fill(trending.putArray("up"), lists.get("trending.up"));
        fill(trending.putArray("down"), lists.get("trending.down"));
        ObjectNode surging = batch.putObject("surging");
        fill(surging.putArray("up"), lists.get("surging.up"));
        fill(surging.putArray("down"), lists.get("surging.down"));
        return Frames.array(List.of(batch.toString()));
    }

    private static String listOf(OutgoingEvent event) {
        String direction = event.direction() == Direction.DOWN ? "down" : "up";
        switch (event.type()) {
            case HIGH:
                return "highs";
            case LOW:
                return "lows";
            case TREND:
                return "trending." + direction;
            case SURGE:
                return "surging." + direction;
            default:
                return null;
        }
    }

    private static void fill(ArrayNode list, Map<String, OutgoingEvent> latestBySymbol) {
        for (OutgoingEvent event : latestBySymbol.values()) {
            list.addObject()
                    .put("symbol", event.symbol())
                    .put("price", event.price())
                    .put("time", event.eventTime())
                    .put("id", event.id());
        }
    }
}
