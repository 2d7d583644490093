package io.tickstock.processor.state;

import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.Thresholds;
import io.tickstock.processor.detect.TrendDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tick series of one task's symbols at one-second resolution, with the identities of each second's inputs.
 *
 * <p>A symbol's newest second is still filling and lives in its {@link MarketSymbol} (written with every trade
 * anyway); a second is written to the {@code tick-seconds} store once, when the next one begins, and deleted when it
 * falls out of what is kept. Surge and trend read several seconds per trade: they read them from a copy in memory,
 * built from the store when the task starts, never from the store itself.
 */
public final class TickSeries {

    private static final long MILLIS = 1_000;

    private final KeyValueStore<String, TickSecond> seconds;
    private final long historySeconds;
    private final long keptSeconds;
    private final long surgeWindowSeconds;
    private final long[] trendWindowsSeconds;
    private final Map<String, SampleHistory> histories = new HashMap<>();

    /**
     * @param historyMillis how far back surge and trend look
     * @param keptMillis how long a second is kept: at least the history, and the dedup retention, since a second's
     *     identities are what recognises a late re-delivery
     */
    public TickSeries(KeyValueStore<String, TickSecond> seconds, long surgeWindowMillis, long[] trendWindowsMillis,
            long historyMillis, long keptMillis) {
        this.seconds = seconds;
        this.surgeWindowSeconds = Math.max(1, surgeWindowMillis / MILLIS);
        this.trendWindowsSeconds = new long[trendWindowsMillis.length];
        for (int i = 0; i < trendWindowsMillis.length; i++) {
            trendWindowsSeconds[i] = trendWindowsMillis[i] / MILLIS;
        }
        this.historySeconds = historyMillis / MILLIS;
        this.keptSeconds = Math.max(historySeconds, keptMillis / MILLIS);
    }

    /** The key of a closed second in the {@code tick-seconds} store. */
    public static String key(String sym, long second) {
        return sym + '@' + second;
    }

    /** Rebuilds the copy in memory from the stores, as they are after a restore. */
    public void load(KeyValueStore<String, MarketSymbol> symbols) {
        histories.clear();
        Map<String, List<TickSample>> sampled = new HashMap<>();
        try (KeyValueIterator<String, TickSecond> all = seconds.all()) {
            while (all.hasNext()) {
                KeyValue<String, TickSecond> entry = all.next();
                int at = entry.key.lastIndexOf('@');
                String sym = entry.key.substring(0, at);
                if (entry.value.sample() == null) {
                    of(sym).putLateOnly(Long.parseLong(entry.key.substring(at + 1)));
                } else {
                    sampled.computeIfAbsent(sym, s -> new ArrayList<>()).add(entry.value.sample());
                }
            }
        }
        try (KeyValueIterator<String, MarketSymbol> all = symbols.all()) {
            while (all.hasNext()) {
                KeyValue<String, MarketSymbol> entry = all.next();
                TickSecond open = entry.value.open();
                if (open != null && open.sample() != null) {
                    sampled.computeIfAbsent(entry.key, s -> new ArrayList<>()).add(open.sample());
                }
            }
        }
        sampled.forEach((sym, list) -> {
            list.sort(Comparator.comparingLong(TickSample::second));
            list.forEach(of(sym)::put);
        });
    }

    /** Whether an input of {@code time} with {@code identity} was already taken (SPEC §5.1). */
    public boolean seen(String sym, MarketSymbol state, long time, String identity) {
        long second = Math.floorDiv(time, MILLIS);
        long lastSecond = state.tick().lastSecond();
        if (lastSecond == Thresholds.NEVER || second > lastSecond) {
            return false;
        }
        if (second == lastSecond) {
            return state.open() != null && state.open().inputs().contains(identity);
        }
        TickSecond earlier = seconds.get(key(sym, second));
        return earlier != null && earlier.inputs().contains(identity);
    }

    /**
     * Adds a point (a trade, or a per-second bar) to the second it falls in and returns the symbol's state with it,
     * or null when the point is of an earlier second than the newest: it is late, the windows assume time order, so
     * it joins no sample (its identity is remembered all the same).
     */
    public MarketSymbol add(String sym, MarketSymbol state, long time, double first, double last, long size,
            String identity) {
        long second = Math.floorDiv(time, MILLIS);
        TickState tick = state.tick();
        if (tick.lastSecond() != Thresholds.NEVER && second < tick.lastSecond()) {
            remember(sym, state, time, identity);
            return null;
        }
        if (tick.lastSecond() == Thresholds.NEVER) {
            drop(sym, Long.MAX_VALUE);
        }
        TickSecond open = state.open();
        boolean fresh = second != tick.lastSecond() || open == null || open.sample() == null;
        TickSecond next;
        if (fresh) {
            close(sym, open);
            next = TickSecond.opened(new TickSample(second, first, last, size, tick.volume(), tick.samples()),
                    identity);
            drop(sym, second - keptSeconds);
        } else {
            next = new TickSecond(open.sample().plus(last, size), open.inputs().with(identity));
        }
        of(sym).put(next.sample());
        return state.withTick(tick.afterSample(second, size, fresh), next);
    }

    /**
     * Remembers the identity of an input that joins no sample (a late trade, a per-second bar of a second that has
     * trades), so its re-delivery is recognised; returns the symbol's state with it.
     */
    public MarketSymbol remember(String sym, MarketSymbol state, long time, String identity) {
        long second = Math.floorDiv(time, MILLIS);
        long lastSecond = state.tick().lastSecond();
        if (second == lastSecond && state.open() != null) {
            return state.withTick(state.tick(), state.open().withInput(identity));
        }
        if (lastSecond != Thresholds.NEVER && second < lastSecond && second >= lastSecond - keptSeconds) {
            String key = key(sym, second);
            TickSecond earlier = seconds.get(key);
            seconds.put(key, earlier == null ? new TickSecond(null, SeenIdentities.NONE.with(identity))
                    : earlier.withInput(identity));
            if (earlier == null) {
                of(sym).putLateOnly(second);
            }
        }
        return state;
    }

    /** The surge window ending at the newest sample. Call right after {@link #add}. */
    public SurgeDetector.Input surgeInput(String sym, TickState state, double price) {
        long now = state.lastSecond();
        long windowStart = now - surgeWindowSeconds + 1;
        SampleHistory history = of(sym);
        TickSample first = history.firstBetween(windowStart, now);
        TickSample oldest = history.firstBetween(now - historySeconds, now);
        long windowVolume = state.volume() - first.volumeBefore();
        long baselineVolume = first.volumeBefore() - oldest.volumeBefore();
        long baselineMillis = Math.max(0, windowStart - oldest.second()) * MILLIS;
        return new SurgeDetector.Input(first.first(), price, windowVolume, baselineVolume, baselineMillis);
    }

    /** The trend history ending at the newest sample. Call right after {@link #add}. */
    public TrendDetector.Input trendInput(String sym, TickState state, double price) {
        long now = state.lastSecond();
        long from = now - historySeconds;
        SampleHistory history = of(sym);
        TickSample oldest = history.firstBetween(from, now);
        double[] before = new double[trendWindowsSeconds.length];
        for (int i = 0; i < before.length; i++) {
            TickSample then = history.lastBetween(from, now - trendWindowsSeconds[i]);
            before[i] = then == null ? oldest.first() : then.last();
        }
        return new TrendDetector.Input(price, before, state.samples() - oldest.index(),
                (now - oldest.second()) * MILLIS);
    }

    private SampleHistory of(String sym) {
        return histories.computeIfAbsent(sym, s -> new SampleHistory());
    }

    /** Writes the second that was filling, now that the next one begins. */
    private void close(String sym, TickSecond open) {
        if (open != null && open.sample() != null) {
            seconds.put(key(sym, open.sample().second()), open);
        }
    }

    /** Deletes a symbol's seconds before {@code second} (all of them for a symbol whose state started afresh). */
    private void drop(String sym, long second) {
        SampleHistory history = histories.get(sym);
        if (history == null) {
            return;
        }
        for (long expired : history.dropBefore(second)) {
            seconds.delete(key(sym, expired));
        }
        if (history.isEmpty()) {
            histories.remove(sym);
        }
    }
}
