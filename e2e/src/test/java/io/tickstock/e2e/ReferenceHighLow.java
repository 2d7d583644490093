package io.tickstock.e2e;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * SPEC §4 session high/low written again, as plainly as possible and apart from the processor's code, for the
 * {@code always} calendar: the expected events of an end-to-end run are computed with this and nothing else.
 */
final class ReferenceHighLow {

    enum Kind { HIGH, LOW }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long COOLDOWN_MS = 1_000;

    private final Map<String, Symbol> symbols = new HashMap<>();

    private static final class Symbol {
        String session;
        double high;
        double low;
        double lastHigh;
        double lastLow;
        Long lastHighAt;
        Long lastLowAt;
    }

    /** SPEC §4's band table: step = min(dollars, price × percent). */
    static double step(double price) {
        double dollars;
        double percent;
        if (price < 1) {
            dollars = 0.005;
            percent = 0.20;
        } else if (price < 5) {
            dollars = 0.01;
            percent = 0.15;
        } else if (price < 25) {
            dollars = 0.02;
            percent = 0.10;
        } else if (price < 100) {
            dollars = 0.05;
            percent = 0.08;
        } else {
            dollars = 0.10;
            percent = 0.05;
        }
        return Math.min(dollars, price * percent / 100);
    }

    /** The event one trade fires, or null. Trades must be offered in each symbol's order. */
    Kind trade(String sym, double price, long time) {
        String session = Instant.ofEpochMilli(time).atZone(NEW_YORK).toLocalDate().toString();
        Symbol s = symbols.computeIfAbsent(sym, k -> new Symbol());
        if (!session.equals(s.session)) {
            s.session = session;
            s.high = s.low = s.lastHigh = s.lastLow = price;
            s.lastHighAt = s.lastLowAt = null;
            return null;
        }
        Kind fired = null;
        if (price > s.high && price >= s.lastHigh + step(s.lastHigh) - 1e-9
                && (s.lastHighAt == null || time - s.lastHighAt >= COOLDOWN_MS)) {
            s.lastHigh = price;
            s.lastHighAt = time;
            fired = Kind.HIGH;
        }
        if (price < s.low && price <= s.lastLow - step(s.lastLow) + 1e-9
                && (s.lastLowAt == null || time - s.lastLowAt >= COOLDOWN_MS)) {
            s.lastLow = price;
            s.lastLowAt = time;
            fired = Kind.LOW;
        }
        s.high = Math.max(s.high, price);
        s.low = Math.min(s.low, price);
        return fired;
    }
}
