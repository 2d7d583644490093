package io.tickstock.ingest.source.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's scripted symbols: each one drives a detector of SPEC §4 past its threshold with a wide margin, on a
 * schedule that makes every event type appear within the first five minutes and keeps recurring, while prices stay
 * bounded. Everything else in the demo is a plain random walk. The thresholds they are built against (defaults of
 * SPEC §4): surge ≥ 4 % in 5 s with 1.3× volume; trend score ≥ 0.6 after 180 s; volume spike ≥ 3× the mean of
 * ≥ 5 previous bars; breakout/breakdown ±2 %; high/low close beyond the previous 9 closes with ≥ 4 of them;
 * FMV deviation ≥ 1 %; the noise filter passes bars moving ≥ 1 % or with ≥ 1.5× volume.
 */
final class Scenarios {

    /** A tick symbol's script: where its price should be, and how busy it is, at a time since the start. */
    interface TickScript {
        /** Price relative to the symbol's anchor. */
        double factor(long elapsedMillis);

        /** Multiplies the symbol's share of trades and their sizes. */
        double activity(long elapsedMillis);
    }

    /** Noise around a scripted price: small enough never to mask the script. */
    static final double SCRIPT_NOISE = 0.0002;

    private static final long SURGE_CYCLE = 90_000;
    private static final double SURGE_MOVE = 0.06;
    private static final long TREND_HALF_CYCLE = 480_000;
    private static final double TREND_PER_MINUTE = 0.01;
    private static final long FMV_CYCLE = 240_000;
    private static final double FMV_DEVIATION = 0.025;

    private Scenarios() {
    }

    /**
     * Surge: every 90 s the price climbs 6 % within 3 s on heavy trading (30 s in), holds, and falls back 6 % the
     * same way 30 s later: a surge up and a surge down per cycle, from the first 30 s on.
     */
    static final TickScript SURGE = new TickScript() {
        @Override
        public double factor(long elapsed) {
            double phase = (elapsed % SURGE_CYCLE) / 1000.0;
            if (phase < 30) {
                return 1;
            }
            if (phase < 33) {
                return 1 + SURGE_MOVE * (phase - 30) / 3;
            }
            if (phase < 60) {
                return 1 + SURGE_MOVE;
            }
            if (phase < 63) {
                return 1 + SURGE_MOVE * (63 - phase) / 3;
            }
            return 1;
        }

        @Override
        public double activity(long elapsed) {
            double phase = (elapsed % SURGE_CYCLE) / 1000.0;
            return (phase >= 30 && phase < 35) || (phase >= 60 && phase < 65) ? 4 : 1;
        }
    };

    /** Trend: a steady 1 %/min drift for 8 min, then back for 8 min; the score passes 0.6 at 180 s. */
    static TickScript trend(boolean upFirst) {
        return new TickScript() {
            @Override
            public double factor(long elapsed) {
                long phase = elapsed % (2 * TREND_HALF_CYCLE);
                long along = phase < TREND_HALF_CYCLE ? phase : 2 * TREND_HALF_CYCLE - phase;
                double minutes = along / 60_000.0;
                return Math.exp((upFirst ? 1 : -1) * TREND_PER_MINUTE * minutes);
            }

            @Override
            public double activity(long elapsed) {
                return 1;
            }
        };
    }

    /** FMV 2.5 % away from the price for two minutes of every four, from 20 s on. */
    static double fmvDeviation(boolean undervalued, long elapsed) {
        long phase = elapsed % FMV_CYCLE;
        boolean deviating = phase >= 20_000 && phase < 140_000;
        return deviating ? (undervalued ? FMV_DEVIATION : -FMV_DEVIATION) : 0;
    }

    /** An unscripted minute: a random walk step with volume around the symbol's base. */
    static SymbolMarket.BarShape randomWalk(double sigma) {
        return (market, random, bar, minute) -> {
            double open = market.price;
            double close = open * Math.exp(sigma * Noise.gaussian(random));
            long volume = Math.max(1, Math.round(market.baseMinuteVolume * Math.exp(0.3 * Noise.gaussian(random))));
            bar.draw(open, close, Math.abs(sigma / 2 * Noise.gaussian(random)),
                    Math.abs(sigma / 2 * Noise.gaussian(random)), volume, tradesFor(volume));
        };
    }

    /** Volume spike: 8× volume every 12th minute (so at most one spike sits among the previous 10 bars). */
    static SymbolMarket.BarShape volumeSpike(int offset) {
        return (market, random, bar, minute) -> {
            boolean spike = minute >= 0 && Math.floorMod(minute - offset, 12) == 0;
            scripted(market, random, bar, spike ? 0.003 : 0, spike ? 8 : 1);
        };
    }

    /** Breakout and breakdown: +3 % and −3 % bars three minutes apart, every six minutes. */
    static SymbolMarket.BarShape swing(boolean upFirst) {
        return (market, random, bar, minute) -> {
            long phase = minute < 0 ? -1 : minute % 6;
            double move = phase == 0 ? 0.03 : phase == 3 ? -0.03 : 0;
            scripted(market, random, bar, upFirst ? move : -move, 1);
        };
    }

    /**
     * High close (or low close): a 2.5 % bar every ten minutes, then nine quiet bars drifting back; with a ten-minute
     * cycle the previous jump has left the nine-close window when the next one comes.
     */
    static SymbolMarket.BarShape closeBreak(boolean up) {
        return (market, random, bar, minute) -> {
            double move = minute < 0 ? 0 : minute % 10 == 0 ? 0.025 : -0.0028;
            scripted(market, random, bar, up ? move : -move, 1);
        };
    }

    private static void scripted(SymbolMarket market, SplittableRandom random, SymbolMarket.BarBuilder bar,
            double move, double volumeFactor) {
        double open = market.price;
        double close = open * (1 + move + 0.0003 * (random.nextDouble() - 0.5));
        long volume = Math.round(market.baseMinuteVolume * volumeFactor * random.nextDouble(0.9, 1.1));
        bar.draw(open, close, random.nextDouble(0.001), random.nextDouble(0.001), volume, tradesFor(volume));
    }

    private static int tradesFor(long volume) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, volume / 150));
    }

    /** Which scripts the demo gives which symbol: by position, so any universe works. */
    record Roles(Map<String, TickScript> ticks, Map<String, SymbolMarket.BarShape> bars,
            Map<String, Boolean> fmvUndervalued) {

        static final Roles NONE = new Roles(Map.of(), Map.of(), Map.of());

        /** The demo cast: TSLA surges, NVDA trends up, INTC down, AMD/NFLX deviate, bar-only symbols script bars. */
        static Roles demo(List<String> ticks, List<String> ohlcv, List<String> fmv) {
            Map<String, TickScript> tickRoles = new HashMap<>();
            put(tickRoles, ticks, 6, SURGE);
            put(tickRoles, ticks, 2, trend(true));
            put(tickRoles, ticks, 17, trend(false));
            Map<String, Boolean> fmvRoles = new HashMap<>();
            put(fmvRoles, fmv, 15, true);
            put(fmvRoles, fmv, 16, false);
            List<SymbolMarket.BarShape> barScripts = List.of(volumeSpike(0), volumeSpike(4), volumeSpike(8),
                    swing(true), swing(false), closeBreak(true), closeBreak(false));
            Map<String, SymbolMarket.BarShape> barRoles = new HashMap<>();
            for (int i = 0; i < barScripts.size(); i++) {
                put(barRoles, ohlcv, ticks.size() + i, barScripts.get(i));
            }
            return new Roles(tickRoles, barRoles, fmvRoles);
        }

        private static <T> void put(Map<String, T> roles, List<String> symbols, int index, T role) {
            if (index < symbols.size()) {
                roles.put(symbols.get(index), role);
            }
        }
    }
}
