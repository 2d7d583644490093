package io.tickstock.ingest.source.simulator;

import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A deterministic market: the same profile, seed and start give the same messages in the same order. It is a
 * generator in simulated time, one second at a time: the second's trades (spread over it), the per-second bars of
 * the symbols that traded, FMV quotes, and at every wall-clock-aligned minute boundary one minute bar per OHLCV
 * symbol (the burst real feeds deliver). Pacing against the wall clock is {@link SimulatorRun}'s job.
 *
 * <p>Rates are exact: a feed with R messages per minute sends floor((k+1)R/60) − floor(kR/60) in second k, so
 * every 60 consecutive seconds carry exactly R. Injected duplicates are re-sent copies of a message between
 * 50 ms and 2 s after it, as a provider re-sends after a reconnect.
 */
public final class MarketSimulator {

    /** A message and the simulated time it is due; {@code duplicate} for an injected re-send. */
    public record Timed(long time, MarketMessage msg, boolean duplicate) {
    }

    private static final int[] EXCHANGES = {1, 2, 3, 4, 7, 8, 10, 11, 12, 15, 19, 21};
    private static final int ODD_LOT = 37;
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;

    private final SimulatorProfile profile;
    private final SplittableRandom random;
    private final double duplicateRate;
    private final long start;
    private final long firstLiveMinute;
    private final List<SymbolMarket> ohlcv = new ArrayList<>();
    private final List<SymbolMarket> ticks;
    private final List<SymbolMarket> fmv;
    private final Map<SymbolMarket, Scenarios.TickScript> tickScripts = new HashMap<>();
    private final Map<SymbolMarket, SymbolMarket.BarShape> barShapes = new HashMap<>();
    private final Map<SymbolMarket, Boolean> fmvScripts = new HashMap<>();
    private final SymbolMarket.BarShape walk;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long sequence;
    private long second;
    private int activeCursor;
    private int fmvCursor;

    private record Entry(Timed timed, long sequence) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(timed.time(), other.timed.time());
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /**
     * @param universe symbols in order; each feed takes its prefix
     * @param startMillis the simulated time the run starts at (rounded up to a whole second)
     */
    public MarketSimulator(SimulatorProfile profile, List<String> universe, long seed, double duplicateRate,
            long startMillis) {
        if (duplicateRate < 0 || duplicateRate > 1) {
            throw new IllegalArgumentException("duplicate rate must be within 0..1, not " + duplicateRate);
        }
        int needed = Math.max(profile.ohlcvSymbols(), Math.max(profile.tickSymbols(), profile.fmvSymbols()));
        if (universe.size() < needed) {
            throw new IllegalArgumentException("profile " + profile.name() + " needs " + needed + " symbols");
        }
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.duplicateRate = duplicateRate;
        this.start = Math.floorDiv(startMillis + SECOND - 1, SECOND) * SECOND;
        this.firstLiveMinute = Math.floorDiv(start, MINUTE) * MINUTE;
        this.walk = Scenarios.randomWalk(profile.barVolatility());
        List<SymbolMarket> markets = new ArrayList<>();
        for (String symbol : universe.subList(0, needed)) {
            markets.add(new SymbolMarket(symbol, 1 + random.nextInt(3), Prices.round(random.nextDouble(5, 500)),
                    Math.round(Math.exp(random.nextDouble(Math.log(2_000), Math.log(200_000))))));
        }
        ohlcv.addAll(markets.subList(0, profile.ohlcvSymbols()));
        ticks = markets.subList(0, profile.tickSymbols());
        fmv = markets.subList(0, profile.fmvSymbols());
        if (profile.scripted()) {
            cast(markets, universe);
        }
    }

    private void cast(List<SymbolMarket> markets, List<String> universe) {
        Scenarios.Roles roles = Scenarios.Roles.demo(universe.subList(0, ticks.size()),
                universe.subList(0, ohlcv.size()), universe.subList(0, fmv.size()));
        for (SymbolMarket market : markets) {
            if (roles.ticks().containsKey(market.symbol)) {
                tickScripts.put(market, roles.ticks().get(market.symbol));
            }
            if (roles.bars().containsKey(market.symbol)) {
                barShapes.put(market, roles.bars().get(market.symbol));
            }
            if (roles.fmvUndervalued().containsKey(market.symbol)) {
                fmvScripts.put(market, roles.fmvUndervalued().get(market.symbol));
            }
        }
    }

    /** The simulated time of the first live message. */
    public long start() {
        return start;
    }

    public SimulatorProfile profile() {
        return profile;
    }

    /** The next message in time order. The market never ends; runs stop by length or count. */
    public Timed next() {
        while (queue.isEmpty() || queue.peek().timed.time() > generatedUntil()) {
            generateSecond();
        }
        return queue.poll().timed;
    }

    /** The time of the next message, without taking it. */
    public long peekTime() {
        while (queue.isEmpty() || queue.peek().timed.time() > generatedUntil()) {
            generateSecond();
        }
        return queue.peek().timed.time();
    }

    // every message due up to here exists: what the next second adds is due at its start or later
    private long generatedUntil() {
        return start + second * SECOND;
    }

    private void generateSecond() {
        long from = start + second * SECOND;
        if (second == 0) {
            backfill();
        }
        List<SymbolMarket> traded = trades(from);
        for (SymbolMarket market : traded) {
            Aggregate bar = market.secondBar(from);
            if (profile.secondBarsPerMinute() > 0) {
                emit(from + SECOND, bar);
            }
        }
        quotes(from);
        if ((from + SECOND) % MINUTE == 0) {
            long minuteStart = from + SECOND - MINUTE;
            for (SymbolMarket market : ohlcv) {
                emit(from + SECOND, minuteBar(market, minuteStart));
            }
        }
        second++;
    }

    private void backfill() {
        for (int back = profile.backfillBars(); back >= 1; back--) {
            long minuteStart = firstLiveMinute - back * MINUTE;
            for (SymbolMarket market : ohlcv) {
                emit(start, minuteBar(market, minuteStart));
            }
        }
    }

    private Aggregate minuteBar(SymbolMarket market, long minuteStart) {
        long index = (minuteStart - firstLiveMinute) / MINUTE;
        return market.minuteBar(minuteStart, index, barShapes.getOrDefault(market, walk), random);
    }

    /** This second's trades; returns the symbols that traded, in the order they first did. */
    private List<SymbolMarket> trades(long from) {
        int count = (int) perSecond(profile.tradesPerMinute());
        if (count == 0) {
            return List.of();
        }
        List<SymbolMarket> active = activeSymbols();
        List<SymbolMarket> slots = new ArrayList<>(count);
        if (profile.secondBarsPerMinute() > 0) {
            slots.addAll(active); // every active symbol trades at least once: one A bar each
        }
        double[] weights = new double[active.size()];
        double total = 0;
        for (int i = 0; i < active.size(); i++) {
            Scenarios.TickScript script = tickScripts.get(active.get(i));
            weights[i] = script == null ? 1 : script.activity(from - start);
            total += weights[i];
        }
        while (slots.size() < count) {
            slots.add(active.get(pick(weights, total)));
        }
        shuffle(slots);
        List<SymbolMarket> traded = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            SymbolMarket market = slots.get(j);
            long t = from + (2L * j + 1) * SECOND / (2L * count);
            if (market.secondBarIsEmpty()) {
                traded.add(market);
            }
            emit(t, trade(market, t));
        }
        return traded;
    }

    private List<SymbolMarket> activeSymbols() {
        if (profile.secondBarsPerMinute() == 0) {
            return ticks;
        }
        int count = (int) perSecond(profile.secondBarsPerMinute());
        if (count >= ticks.size()) {
            return ticks;
        }
        List<SymbolMarket> active = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            active.add(ticks.get(activeCursor));
            activeCursor = (activeCursor + 1) % ticks.size();
        }
        return active;
    }

    private Trade trade(SymbolMarket market, long t) {
        Scenarios.TickScript script = tickScripts.get(market);
        double price;
        double activity = 1;
        if (script == null) {
            price = market.price * Math.exp(profile.tradeVolatility() * Noise.gaussian(random));
        } else {
            activity = script.activity(t - start);
            price = market.anchor * script.factor(t - start)
                    * Math.exp(Scenarios.SCRIPT_NOISE * Noise.gaussian(random));
        }
        price = Prices.round(price);
        boolean oddLot = random.nextInt(8) == 0;
        long size = Math.round((oddLot ? 1 + random.nextInt(99) : 100L * (1 + random.nextInt(10))) * activity);
        market.trade(price, size);
        market.tradeSeq++;
        return new Trade(Feed.T, market.symbol, EXCHANGES[random.nextInt(EXCHANGES.length)],
                Long.toString(market.tradeSeq), market.tape, price, size, oddLot ? List.of(ODD_LOT) : null, t);
    }

    private void quotes(long from) {
        int count = (int) perSecond(profile.fmvPerMinute());
        for (int j = 0; j < count; j++) {
            int position = fmvCursor;
            fmvCursor = (fmvCursor + 1) % fmv.size();
            long t = from + (2L * j + 1) * SECOND / (2L * count);
            emit(t, quote(fmv.get(position), t, position));
        }
    }

    // symbols at even positions come from a source with market price and confidence, odd ones without
    private FairMarketValue quote(SymbolMarket market, long t, int position) {
        Boolean undervalued = fmvScripts.get(market);
        double deviation = undervalued == null ? 0.002 * Noise.gaussian(random)
                : Scenarios.fmvDeviation(undervalued, t - start);
        double value = Prices.round(market.price * (1 + deviation));
        long nanos = t * 1_000_000L + random.nextInt(1_000_000);
        boolean withMarketPrice = undervalued != null || position % 2 == 0;
        return new FairMarketValue(Feed.FMV, market.symbol, value, withMarketPrice ? market.price : null,
                withMarketPrice ? (undervalued != null ? 0.95 : round2(random.nextDouble(0.6, 1.0))) : null, nanos);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // exactly R per 60 consecutive seconds, spread evenly
    private long perSecond(long perMinute) {
        return Math.floorDiv((second + 1) * perMinute, 60) - Math.floorDiv(second * perMinute, 60);
    }

    private void emit(long time, MarketMessage msg) {
        queue.add(new Entry(new Timed(time, msg, false), sequence++));
        if (duplicateRate > 0 && random.nextDouble() < duplicateRate) {
            long delay = 50 + random.nextInt(1_950);
            queue.add(new Entry(new Timed(time + delay, msg, true), sequence++));
        }
    }

    private int pick(double[] weights, double total) {
        double target = random.nextDouble(total);
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void shuffle(List<SymbolMarket> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            SymbolMarket swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
