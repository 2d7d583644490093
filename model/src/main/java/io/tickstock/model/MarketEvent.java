package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detected market event: the value on {@code tickstock.events} and what clients receive (SPEC §7).
 *
 * @param id deterministic: the same input and type always give the same id (SPEC §5.3)
 * @param priority 0 (highest) to 3 (SPEC §6)
 * @param eventTime event time of the input, epoch milliseconds
 * @param detectedAt when the processor emitted it, epoch milliseconds
 * @param details type-specific numbers, keys sorted so the JSON is stable
 */
@JsonPropertyOrder({"v", "id", "type", "symbol", "direction", "price", "priority", "channel", "eventTime",
    "detectedAt", "details", "source"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketEvent(
        int v,
        String id,
        EventType type,
        String symbol,
        Direction direction,
        double price,
        int priority,
        Channel channel,
        long eventTime,
        long detectedAt,
        Map<String, Double> details,
        SourceContext source) {

    public static final int VERSION = 1;

    public MarketEvent {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
