package io.tickstock.gateway.route;

import io.tickstock.model.EventType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may want an event: every subscriber indexed by the types and symbols its patterns name, so a batch of events
 * wakes only the clients it may interest instead of all of them (a desk of watch lists each wants a few symbols of
 * thousands). The answer may include a subscriber that wants none of the events (an exact pattern is indexed by its
 * symbol), never leaves one out.
 *
 * @param <T> the subscriber
 */
public final class Interests<T> {

    private final Set<T> everything = ConcurrentHashMap.newKeySet();
    private final Map<EventType, Set<T>> byType = new ConcurrentHashMap<>();
    private final Map<String, Set<T>> bySymbol = new ConcurrentHashMap<>();

    /** {@code who} now holds {@code after} instead of {@code before}. */
    public void update(T who, Subscriptions before, Subscriptions after) {
        remove(who, before);
        if (after.everything()) {
            everything.add(who);
        }
        after.anySymbolTypes().forEach(type -> byType.computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet())
                .add(who));
        after.namedSymbols().forEach(symbol -> bySymbol.computeIfAbsent(symbol,
                s -> ConcurrentHashMap.newKeySet()).add(who));
    }

    /** {@code who}, which held {@code held}, is gone. */
    public void remove(T who, Subscriptions held) {
        everything.remove(who);
        held.anySymbolTypes().forEach(type -> drop(byType, type, who));
        held.namedSymbols().forEach(symbol -> drop(bySymbol, symbol, who));
    }

    /** Every subscriber one of {@code events} may interest. */
    public Set<T> interested(List<OutgoingEvent> events) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Set<String> symbols = new HashSet<>();
        for (OutgoingEvent event : events) {
            types.add(event.type());
            symbols.add(event.symbol());
        }
        Set<T> interested = new HashSet<>(everything);
        types.forEach(type -> interested.addAll(byType.getOrDefault(type, Set.of())));
        symbols.forEach(symbol -> interested.addAll(bySymbol.getOrDefault(symbol, Set.of())));
        return interested;
    }

    private static <K, T> void drop(Map<K, Set<T>> index, K key, T who) {
        index.computeIfPresent(key, (k, holders) -> {
            holders.remove(who);
            return holders.isEmpty() ? null : holders;
        });
    }
}
