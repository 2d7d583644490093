package io.tickstock.ingest.source;

import io.tickstock.model.Feed;
import io.tickstock.model.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic market: with the same seed and symbols it yields the same trades (symbol, exchange, id, price,
 * size) in the same order; only the timestamps come from the caller. Prices follow a geometric random walk.
 */
public final class MarketSimulator {

    /** Well-known names first, so a demo with few symbols shows familiar tickers. */
    private static final List<String> KNOWN_SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META",
            "TSLA", "SPY", "QQQ", "IWM", "DIA", "JPM", "XOM", "UNH", "V", "AMD", "NFLX", "INTC", "BA", "DIS");
    private static final int[] EXCHANGES = {1, 2, 3, 4, 7, 8, 10, 11, 12, 15, 19, 21};
    private static final double MIN_START_PRICE = 5;
    private static final double MAX_START_PRICE = 500;

    private final SplittableRandom random;
    private final double volatility;
    private final List<SymbolWalk> walks;

    public MarketSimulator(long seed, List<String> symbols, double volatility) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one symbol");
        }
        this.random = new SplittableRandom(seed);
        this.volatility = volatility;
        this.walks = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            walks.add(new SymbolWalk(symbol, 1 + random.nextInt(3),
                    roundToTick(random.nextDouble(MIN_START_PRICE, MAX_START_PRICE))));
        }
    }

    /** {@code count} symbols: the well-known ones, then {@code SYM0001}, {@code SYM0002}, … */
    public static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(i < KNOWN_SYMBOLS.size() ? KNOWN_SYMBOLS.get(i) : "SYM%04d".formatted(i - KNOWN_SYMBOLS.size() + 1));
        }
        return symbols;
    }

    public List<String> symbols() {
        return walks.stream().map(SymbolWalk::symbol).toList();
    }

    /** The next trade of a randomly chosen symbol, stamped with {@code timeMillis}. */
    public Trade nextTrade(long timeMillis) {
        SymbolWalk walk = walks.get(random.nextInt(walks.size()));
        walk.price = roundToTick(walk.price * Math.exp(volatility * gaussian()));
        walk.tradeCount++;
        int exchange = EXCHANGES[random.nextInt(EXCHANGES.length)];
        long size = 100L * (1 + random.nextInt(10)) + (random.nextInt(4) == 0 ? random.nextInt(100) : 0);
        return new Trade(Feed.T, walk.symbol, exchange, Long.toString(walk.tradeCount), walk.tape, walk.price, size,
                null, timeMillis);
    }

    // Box-Muller; SplittableRandom has no nextGaussian on Java 17
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Cents from $1 up, hundredths of a cent below, never below the smallest tick. */
    static double roundToTick(double price) {
        double ticksPerDollar = price >= 1 ? 100 : 10_000;
        return Math.max(1, Math.round(price * ticksPerDollar)) / ticksPerDollar;
    }

    private static final class SymbolWalk {
        private final String symbol;
        private final int tape;
        private double price;
        private long tradeCount;

        private SymbolWalk(String symbol, int tape, double price) {
            this.symbol = symbol;
            this.tape = tape;
            this.price = price;
        }

        private String symbol() {
            return symbol;
        }
    }
}
