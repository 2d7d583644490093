package io.tickstock.processor.detect;

import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.processor.ProcessorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OHLCV channel's bar events (SPEC §4), judged against the symbol's previous bars (oldest first): volume spike,
 * breakout/breakdown, high/low close, and the noise filter that silences small quiet bars.
 */
public final class BarDetector {

    private final ProcessorConfig.Ohlcv config;

    public BarDetector(ProcessorConfig.Ohlcv config) {
        this.config = config;
    }

    /** One bar event. */
    public record Detection(EventType type, Direction direction, Map<String, Double> details) {
    }

    /** The events of a bar; {@code noise} when the filter held them back. */
    public record Outcome(List<Detection> events, boolean noise) {
    }

    public Outcome detect(List<Bar> previous, Bar bar) {
        double meanVolume = meanVolume(previous);
        double change = bar.changePercent();
        if (isNoise(previous, change, bar.v(), meanVolume)) {
            return new Outcome(List.of(), true);
        }
        Direction barDirection = change >= 0 ? Direction.UP : Direction.DOWN;
        List<Detection> events = new ArrayList<>(2);
        if (previous.size() >= config.spikeMinBars() && meanVolume > 0
                && Thresholds.reaches(bar.v(), config.spikeFactor() * meanVolume)) {
            events.add(new Detection(EventType.VOLUME_SPIKE, barDirection, Map.of("volume", (double) bar.v(),
                    "avgVolume", meanVolume, "ratio", bar.v() / meanVolume, "percent", change)));
        }
        if (Thresholds.reaches(Math.abs(change), config.breakoutPercent())) {
            events.add(new Detection(change > 0 ? EventType.BREAKOUT : EventType.BREAKDOWN, barDirection,
                    Map.of("open", bar.o(), "close", bar.c(), "percent", change, "volume", (double) bar.v())));
        }
        if (previous.size() >= config.closeMinBars()) {
            closeEvent(previous, bar, change).ifPresent(events::add);
        }
        return new Outcome(events, false);
    }

    /** Small move on ordinary volume; never the first bar, which has nothing to be ordinary against. */
    private boolean isNoise(List<Bar> previous, double change, long volume, double meanVolume) {
        return !previous.isEmpty() && !Thresholds.reaches(Math.abs(change), config.noiseMovePercent())
                && volume < config.noiseVolumeFactor() * meanVolume;
    }

    private Optional<Detection> closeEvent(List<Bar> previous, Bar bar, double change) {
        List<Bar> lookback = previous.subList(Math.max(0, previous.size() - config.closeLookback()), previous.size());
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (Bar earlier : lookback) {
            highest = Math.max(highest, earlier.c());
            lowest = Math.min(lowest, earlier.c());
        }
        if (bar.c() > highest) {
            return Optional.of(new Detection(EventType.HIGH_CLOSE, Direction.UP,
                    Map.of("close", bar.c(), "previousHighestClose", highest, "percent", change)));
        }
        if (bar.c() < lowest) {
            return Optional.of(new Detection(EventType.LOW_CLOSE, Direction.DOWN,
                    Map.of("close", bar.c(), "previousLowestClose", lowest, "percent", change)));
        }
        return Optional.empty();
    }

    private double meanVolume(List<Bar> previous) {
        List<Bar> window = previous.subList(Math.max(0, previous.size() - config.history()), previous.size());
        long sum = 0;
        for (Bar bar : window) {
            sum += bar.v();
        }
        return window.isEmpty() ? 0 : (double) sum / window.size();
    }
}
