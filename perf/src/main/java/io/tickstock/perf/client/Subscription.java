package io.tickstock.perf.client;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A client's subscription as the protocol defines it (docs/protocol.md): comma-separated {@code TYPE.SYMBOL}
 * patterns, {@code *} for any type or any symbol, the first dot separating type from symbol. The harness matches
 * the committed events against it to know what each client is owed. Written from the protocol page, apart from the
 * gateway's own matcher, so that a matching bug there cannot hide here.
 */
public final class Subscription {

    private static final String ANY = "*";

    private final List<String> patterns;
    private final boolean everything;
    private final Set<String> anySymbolTypes = new HashSet<>();
    private final Set<String> anyTypeSymbols = new HashSet<>();
    private final Set<String> exact = new HashSet<>();

    private Subscription(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        boolean all = false;
        for (String pattern : patterns) {
            int dot = pattern.indexOf('.');
            if (dot <= 0 || dot == pattern.length() - 1) {
                throw new IllegalArgumentException("a subscription pattern is TYPE.SYMBOL, not '" + pattern + "'");
            }
            String type = pattern.substring(0, dot);
            String symbol = pattern.substring(dot + 1);
            if (type.equals(ANY) && symbol.equals(ANY)) {
                all = true;
            } else if (symbol.equals(ANY)) {
                anySymbolTypes.add(type);
            } else if (type.equals(ANY)) {
                anyTypeSymbols.add(symbol);
            } else {
                exact.add(pattern);
            }
        }
        this.everything = all;
    }

    /** Parses the {@code params} of a subscribe action. */
    public static Subscription of(String params) {
        return new Subscription(Arrays.stream(params.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
    }

    public boolean matches(String type, String symbol) {
        return everything || anySymbolTypes.contains(type) || anyTypeSymbols.contains(symbol)
                || exact.contains(type + '.' + symbol);
    }

    /** The {@code params} to send. */
    public String params() {
        return String.join(",", patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subscription s && s.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return params();
    }
}
