package io.tickstock.ingest.source.simulator;

import io.tickstock.model.SimulatorProfiles;
import io.tickstock.ingest.IngestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A simulated market: how many symbols each feed covers and how many messages per (simulated) minute each feed
 * carries. Every OHLCV symbol gets one {@code AM} bar per minute; {@code A} bars are the per-second bars of the
 * tick symbols that traded in that second, so {@code secondBarsPerMinute} is also how many (symbol, second) pairs
 * see trades.
 *
 * @param ohlcvSymbols symbols with minute bars (the first N of the universe)
 * @param tickSymbols symbols with trades (the first N of the universe: they have bars too)
 * @param fmvSymbols symbols with FMV quotes (the first N of the universe)
 * @param tradeVolatility standard deviation of one trade's log return
 * @param barVolatility standard deviation of a minute's log return for bars not built from trades
 * @param length how much simulated time a run lasts; empty = until stopped
 * @param backfillBars minute bars per OHLCV symbol for the minutes before the start, sent first, so that bar
 *     detectors that need history (volume spike, high close) can fire in the first minutes
 * @param scripted whether the demo's scenario scripts drive some symbols
 */
public record SimulatorProfile(
        String name,
        int ohlcvSymbols,
        int tickSymbols,
        int fmvSymbols,
        long tradesPerMinute,
        long secondBarsPerMinute,
        long fmvPerMinute,
        double tradeVolatility,
        double barVolatility,
        Optional<Duration> length,
        int backfillBars,
        boolean scripted) {

    /** The named profiles; SPEC §9 fixes the symbol counts and totals of the two load profiles. */
    public static final List<SimulatorProfile> PROFILES = List.of(
            new SimulatorProfile(SimulatorProfiles.DEMO, 40, 30, 24, 3_600, 1_800, 480, 0.0005, 0.003, Optional.empty(), 6, true),
            new SimulatorProfile(SimulatorProfiles.MARKET_OPEN_SURGE, 8_000, 100, 500, 30_000, 6_000, 6_000, 0.0005, 0.008,
                    Optional.of(Duration.ofMinutes(5)), 0, false),
            new SimulatorProfile(SimulatorProfiles.STEADY_STATE, 8_000, 500, 1_000, 1_000, 500, 500, 0.0005, 0.003,
                    Optional.of(Duration.ofMinutes(30)), 0, false),
            new SimulatorProfile(SimulatorProfiles.TRADES, 0, 20, 0, 12_000, 0, 0, 0.0005, 0.003, Optional.empty(), 0, false));

    public SimulatorProfile {
        if (tickSymbols == 0 && (tradesPerMinute > 0 || secondBarsPerMinute > 0)) {
            throw new IllegalArgumentException(name + ": trades need tick symbols");
        }
        if (fmvSymbols == 0 && fmvPerMinute > 0) {
            throw new IllegalArgumentException(name + ": FMV quotes need FMV symbols");
        }
        if (secondBarsPerMinute > 60L * tickSymbols || secondBarsPerMinute > tradesPerMinute) {
            throw new IllegalArgumentException(name + ": at most one A bar per tick symbol and second, "
                    + "and no more than there are trades");
        }
    }

    public static SimulatorProfile named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return PROFILES.stream().filter(p -> p.name.equals(wanted)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown simulator profile '" + name + "'; choose one of "
                        + PROFILES.stream().map(SimulatorProfile::name).toList()));
    }

    /** This profile with the overrides of {@code tickstock.ingest.simulator.*} applied. */
    public SimulatorProfile with(IngestConfig.Simulator settings) {
        int ticks = settings.symbols().map(List::size).orElse(settings.symbolCount().orElse(tickSymbols));
        long trades = settings.tradesPerSecond().isPresent()
                ? Math.round(settings.tradesPerSecond().getAsDouble() * 60) : tradesPerMinute;
        long secondBars = secondBarsPerMinute == 0 ? 0 : Math.min(60L * ticks, Math.min(trades, secondBarsPerMinute));
        return new SimulatorProfile(name, Math.max(ohlcvSymbols, ohlcvSymbols == 0 ? 0 : ticks), ticks,
                Math.min(fmvSymbols, Math.max(ohlcvSymbols, ticks)), trades, secondBars, fmvPerMinute,
                settings.volatility().orElse(tradeVolatility), barVolatility,
                settings.duration().isPresent() ? settings.duration() : length, backfillBars, scripted);
    }

    /** Messages per simulated minute over all feeds, duplicates not counted. */
    public long messagesPerMinute() {
        return ohlcvSymbols + tradesPerMinute + secondBarsPerMinute + fmvPerMinute;
    }
}
