package io.tickstock.gateway.route;

import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import java.util.regex.Pattern;

/**
 * One {@code TYPE.SYMBOL} pattern of the client protocol (SPEC §8); either side may be {@code *}. Types contain no
 * dot, so the first dot separates them from symbols like {@code BRK.B}.
 *
 * @param type the event type, or null for any
 * @param symbol the symbol, or null for any
 */
public record Subscription(EventType type, String symbol) implements Comparable<Subscription> {

    private static final String ANY = "*";
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-:]{1,16}");

    /** Parses one pattern; {@link IllegalArgumentException} says what is wrong with it. */
    public static Subscription parse(String text) {
        String pattern = text.strip();
        int dot = pattern.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("'" + pattern + "' is not TYPE.SYMBOL");
        }
        String type = pattern.substring(0, dot);
        String symbol = pattern.substring(dot + 1);
        if (!symbol.equals(ANY) && !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a symbol (A-Z 0-9 . - :, 1 to 16) or *");
        }
        return new Subscription(type.equals(ANY) ? null : parseType(type), symbol.equals(ANY) ? null : symbol);
    }

    private static EventType parseType(String type) {
        try {
            return EventType.ofWireName(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + type + "' is not an event type or *", e);
        }
    }

    public boolean matches(MarketEvent event) {
        return (type == null || type == event.type()) && (symbol == null || symbol.equals(event.symbol()));
    }

    @Override
    public String toString() {
        return (type == null ? ANY : type.wireName()) + '.' + (symbol == null ? ANY : symbol);
    }

    @Override
    public int compareTo(Subscription other) {
        return toString().compareTo(other.toString());
    }
}
