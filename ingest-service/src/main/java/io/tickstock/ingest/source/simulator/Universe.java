package io.tickstock.ingest.source.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulator's symbols in a fixed order: explicit ones first, then well-known tickers (so a demo reads like a
 * market), then {@code SYM0001}, {@code SYM0002}, … Each feed covers a prefix of it, so tick symbols also have bars.
 */
public final class Universe {

    static final List<String> KNOWN = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ",
            "IWM", "DIA", "JPM", "XOM", "UNH", "V", "AMD", "NFLX", "INTC", "BA", "DIS", "WMT", "KO", "PEP", "MCD",
            "NKE", "ORCL", "CRM", "ADBE", "CSCO", "PYPL", "UBER", "ABNB", "SHOP", "COIN", "PLTR", "SNOW", "F", "GM",
            "T", "VZ", "PFE", "MRK", "JNJ", "CVX", "GS", "MS", "BAC", "C", "WFC", "COST");

    private Universe() {
    }

    /** {@code count} symbols, {@code explicit} first. */
    public static List<String> symbols(List<String> explicit, int count) {
        Set<String> symbols = new LinkedHashSet<>(explicit);
        for (int i = 0; symbols.size() < count; i++) {
            symbols.add(i < KNOWN.size() ? KNOWN.get(i) : "SYM%04d".formatted(i - KNOWN.size() + 1));
        }
        return new ArrayList<>(symbols).subList(0, Math.max(count, explicit.size()));
    }
}
