package io.tickstock.processor.detect;

import io.tickstock.model.Direction;
import io.tickstock.processor.ProcessorConfig;
import java.time.Duration;
import java.util.List;

/**
 * Trend detection (SPEC §4): score = Σ weight × percent change over each window; fires at |score| ≥ threshold once
 * the history has enough points and span, at most once per symbol per cooldown.
 */
public final class TrendDetector {

    private final long[] windowsMillis;
    private final double[] weights;
    private final double threshold;
    private final int minPoints;
    private final long minHistoryMillis;
    private final long cooldownMillis;

    public TrendDetector(ProcessorConfig.Trend config) {
        List<Duration> windows = config.windows();
        if (windows.size() != config.weights().size()) {
            throw new IllegalArgumentException("trend windows " + windows + " and weights " + config.weights()
                    + " must pair up");
        }
        this.windowsMillis = windows.stream().mapToLong(Duration::toMillis).toArray();
        this.weights = config.weights().stream().mapToDouble(Double::doubleValue).toArray();
        this.threshold = config.threshold();
        this.minPoints = config.minPoints();
        this.minHistoryMillis = config.minHistory().toMillis();
        this.cooldownMillis = config.cooldown().toMillis();
    }

    /** The windows, in milliseconds, that {@link Input#before()} must give a price for, in this order. */
    public long[] windowsMillis() {
        return windowsMillis.clone();
    }

    /** The longest window: how much history the series keeps. */
    public long longestWindowMillis() {
        long longest = 0;
        for (long window : windowsMillis) {
            longest = Math.max(longest, window);
        }
        return longest;
    }

    /**
     * What the series says about the history ending now.
     *
     * @param price the price now
     * @param before the price one window ago, per window (the earliest known price where history is shorter)
     * @param points price samples in the history
     * @param historyMillis the span of the history
     */
    public record Input(double price, double[] before, long points, long historyMillis) {
    }

    /** A trend: its direction and score. */
    public record Trend(Direction direction, double score) {
    }

    /** The trend this input shows at {@code time}, or null. */
    public Trend detect(Input in, long time, long lastTrendAt) {
        if (in.points() < minPoints || in.historyMillis() < minHistoryMillis) {
            return null;
        }
        double score = score(in.price(), in.before());
        if (!Thresholds.reaches(Math.abs(score), threshold) || !Thresholds.cooledDown(lastTrendAt, time,
                cooldownMillis)) {
            return null;
        }
        return new Trend(score > 0 ? Direction.UP : Direction.DOWN, score);
    }

    double score(double price, double[] before) {
        double score = 0;
        for (int i = 0; i < weights.length; i++) {
            score += weights[i] * (price - before[i]) / before[i] * 100;
        }
        return score;
    }
}
