package io.tickstock.processor.detect;

import io.tickstock.model.Direction;
import io.tickstock.processor.ProcessorConfig;

/**
 * The FMV channel (SPEC §4): the market price is the quote's {@code mp} or the symbol's last price; the confidence
 * is the quote's {@code conf} or falls with the last price's age; a confident quote whose fair value deviates from
 * the market price by at least the threshold is an {@code fmv_deviation}, at most once per direction per cooldown
 * unless the deviation grew by the regrowth points since the last one.
 */
public final class FmvDetector {

    private final ProcessorConfig.Fmv config;
    private final long freshMillis;
    private final long staleMillis;
    private final long cooldownMillis;

    public FmvDetector(ProcessorConfig.Fmv config) {
        this.config = config;
        this.freshMillis = config.freshFor().toMillis();
        this.staleMillis = config.staleAfter().toMillis();
        this.cooldownMillis = config.cooldown().toMillis();
    }

    /** Why a quote fired nothing; null when it fired. */
    public enum Held {
        STALE, NO_MARKET_PRICE, LOW_CONFIDENCE, SMALL_DEVIATION, COOLDOWN
    }

    /**
     * A quote with what the symbol's shared state knows.
     *
     * @param mp the quote's market price, or null
     * @param conf the quote's confidence, or null
     * @param lastPrice the symbol's last trade price or bar close, NaN when none
     * @param lastPriceAt its event time
     * @param newestAt the newest event time seen for the symbol on any channel
     */
    public record Quote(double fmv, Double mp, Double conf, long time, double lastPrice, long lastPriceAt,
            long newestAt) {
    }

    /** The last {@code fmv_deviation} of one direction: when, and how large. */
    public record LastDeviation(long at, double magnitude) {
        public static final LastDeviation NONE = new LastDeviation(Thresholds.NEVER, 0);
    }

    /** The verdict on a quote: a deviation event (direction not null) or why not. */
    public record Verdict(Direction direction, double marketPrice, double confidence, double deviation, Held held) {
    }

    public Verdict judge(Quote q, LastDeviation lastUnder, LastDeviation lastOver) {
        if (q.newestAt() != Thresholds.NEVER && q.newestAt() - q.time() > staleMillis) {
            return held(Held.STALE, Double.NaN, 0, Double.NaN);
        }
        double marketPrice = q.mp() != null ? q.mp() : q.lastPrice();
        if (Double.isNaN(marketPrice)) {
            return held(Held.NO_MARKET_PRICE, marketPrice, 0, Double.NaN);
        }
        double confidence = q.conf() != null ? q.conf() : confidenceFromAge(q);
        double deviation = (q.fmv() - marketPrice) / marketPrice * 100;
        if (confidence < config.minConfidence()) {
            return held(Held.LOW_CONFIDENCE, marketPrice, confidence, deviation);
        }
        double magnitude = Math.abs(deviation);
        if (!Thresholds.reaches(magnitude, config.deviationPercent())) {
            return held(Held.SMALL_DEVIATION, marketPrice, confidence, deviation);
        }
        Direction direction = deviation > 0 ? Direction.UNDERVALUED : Direction.OVERVALUED;
        LastDeviation last = direction == Direction.UNDERVALUED ? lastUnder : lastOver;
        boolean cooled = Thresholds.cooledDown(last.at(), q.time(), cooldownMillis);
        boolean grew = q.time() > last.at() && Thresholds.reaches(magnitude, last.magnitude() + config.regrowthPoints());
        if (!cooled && !grew) {
            return held(Held.COOLDOWN, marketPrice, confidence, deviation);
        }
        return new Verdict(direction, marketPrice, confidence, deviation, null);
    }

    /** 1.0 while the last price is at most {@code freshFor} old, falling linearly to 0 at {@code staleAfter}. */
    double confidenceFromAge(Quote q) {
        if (Double.isNaN(q.lastPrice())) {
            return 0;
        }
        long age = Math.max(0, q.time() - q.lastPriceAt());
        if (age <= freshMillis) {
            return 1.0;
        }
        if (age >= staleMillis) {
            return 0;
        }
        return 1.0 - (double) (age - freshMillis) / (staleMillis - freshMillis);
    }

    private static Verdict held(Held why, double marketPrice, double confidence, double deviation) {
        return new Verdict(null, marketPrice, confidence, deviation, why);
    }
}
