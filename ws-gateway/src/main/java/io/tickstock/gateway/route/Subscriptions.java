package io.tickstock.gateway.route;

import io.tickstock.model.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client's current set of patterns; immutable, so the fan-out thread can read it without locks. Matching is a few
 * hash look-ups whatever the number of patterns: the feed thread checks every event against every client.
 */
public final class Subscriptions {

    public static final Subscriptions NONE = new Subscriptions(Set.of());

    private final Set<Subscription> patterns;
    private final boolean everything;
    private final Set<EventType> anySymbolOf;
    private final Set<String> anyTypeOf;
    private final Set<Subscription> exact;

    private Subscriptions(Set<Subscription> patterns) {
        this.patterns = Set.copyOf(patterns);
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        // four slots a symbol: symbols like SYM0001…SYM7950 differ in a few low bits, and at the default load a
        // watch list of 100 crowded bins into trees (the fan-out profile: 10 % of the event loops in matches)
        Set<String> symbols = new HashSet<>(Math.max(16, patterns.size() * 4), 0.5f);
        Set<Subscription> both = new HashSet<>();
        boolean all = false;
        for (Subscription pattern : patterns) {
            if (pattern.type() == null && pattern.symbol() == null) {
                all = true;
            } else if (pattern.symbol() == null) {
                types.add(pattern.type());
            } else if (pattern.type() == null) {
                symbols.add(pattern.symbol());
            } else {
                both.add(pattern);
            }
        }
        this.everything = all;
        this.anySymbolOf = types;
        this.anyTypeOf = symbols;
        this.exact = both;
    }

    /** Parses the comma-separated {@code params} of a subscribe/unsubscribe action; all or nothing. */
    public static List<Subscription> parseParams(String params) {
        if (params == null || params.isBlank()) {
            throw new IllegalArgumentException("params must list TYPE.SYMBOL patterns, e.g. \"high.AAPL,low.*\"");
        }
        List<Subscription> parsed = new ArrayList<>();
        for (String part : params.split(",")) {
            parsed.add(Subscription.parse(part));
        }
        return parsed;
    }

    public Subscriptions plus(List<Subscription> added) {
        Set<Subscription> next = new TreeSet<>(patterns);
        next.addAll(added);
        return new Subscriptions(next);
    }

    public Subscriptions minus(List<Subscription> removed) {
        Set<Subscription> next = new TreeSet<>(patterns);
        removed.forEach(next::remove);
        return new Subscriptions(next);
    }

    public boolean matches(OutgoingEvent event) {
        return matches(event.type(), event.symbol());
    }

    public boolean matches(EventType type, String symbol) {
        return everything || anySymbolOf.contains(type) || anyTypeOf.contains(symbol)
                || (!exact.isEmpty() && exact.contains(new Subscription(type, symbol)));
    }

    /** True when {@code *.*} is one of the patterns. */
    public boolean everything() {
        return everything;
    }

    /** The types some pattern takes of any symbol ({@code high.*}). */
    public Set<EventType> anySymbolTypes() {
        return Set.copyOf(anySymbolOf);
    }

    /** True when some pattern covers every symbol of {@code type}: a snapshot must then look at all symbols. */
    public boolean coversAllSymbols() {
        return everything || !anySymbolOf.isEmpty();
    }

    /** The symbols named by a pattern (those a snapshot must look at when no pattern covers all symbols). */
    public Set<String> namedSymbols() {
        Set<String> symbols = new HashSet<>(anyTypeOf);
        exact.forEach(pattern -> symbols.add(pattern.symbol()));
        return symbols;
    }

    public int size() {
        return patterns.size();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The patterns as the protocol writes them, sorted. */
    public List<String> asText() {
        return patterns.stream().map(Subscription::toString).sorted().toList();
    }
}
