package io.tickstock.gateway.route;

import io.tickstock.model.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A client's current set of patterns; immutable, so the fan-out thread can read it without locks. */
public record Subscriptions(Set<Subscription> patterns) {

    public static final Subscriptions NONE = new Subscriptions(Set.of());

    public Subscriptions {
        patterns = Set.copyOf(patterns);
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

    public boolean matches(MarketEvent event) {
        for (Subscription pattern : patterns) {
            if (pattern.matches(event)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return patterns.size();
    }

    /** The patterns as the protocol writes them, sorted. */
    public List<String> asText() {
        return patterns.stream().map(Subscription::toString).sorted().toList();
    }
}
