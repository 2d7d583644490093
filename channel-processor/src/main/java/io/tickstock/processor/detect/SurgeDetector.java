package io.tickstock.processor.detect;

import io.tickstock.model.Direction;
import io.tickstock.processor.ProcessorConfig;
import java.util.List;

/**
 * Surge detection (SPEC §4): a move from the earliest price in the window of at least the price band's percent,
 * on volume of at least {@code volumeFactor} × the symbol's average window volume, at most once per direction per
 * cooldown. The window and the history come from {@link io.tickstock.processor.state.TickSeries}.
 */
public final class SurgeDetector {

    private static final double[] BAND_BELOW = {25, 100, 500, Double.POSITIVE_INFINITY};

    private final double volumeFactor;
    private final long cooldownMillis;
    private final long minBaselineMillis;
    private final long windowMillis;
    private final List<Double> bandPercents;

    public SurgeDetector(ProcessorConfig.Surge config) {
        this.volumeFactor = config.volumeFactor();
        this.cooldownMillis = config.cooldown().toMillis();
        this.minBaselineMillis = config.minBaseline().toMillis();
        this.windowMillis = config.window().toMillis();
        this.bandPercents = List.copyOf(config.bandPercents());
        if (bandPercents.size() != BAND_BELOW.length) {
            throw new IllegalArgumentException("surge band-percents needs " + BAND_BELOW.length
                    + " values (below $25, $100, $500 and above), got " + bandPercents);
        }
    }

    /**
     * What the series says about the window ending now.
     *
     * @param reference the earliest price in the window
     * @param price the price now
     * @param windowVolume volume traded in the window
     * @param baselineVolume volume traded in the history before the window
     * @param baselineMillis how long that history before the window is
     */
    public record Input(double reference, double price, long windowVolume, long baselineVolume, long baselineMillis) {
    }

    /** A surge: its direction, the move in percent, the window volume and the average it was compared with. */
    public record Surge(Direction direction, double percent, long volume, double averageVolume) {
    }

    /** The percent a price must move from {@code reference} in the window. */
    public double bandPercent(double reference) {
        int band = 0;
        while (reference >= BAND_BELOW[band]) {
            band++;
        }
        return bandPercents.get(band);
    }

    /** The surge this input shows at {@code time}, or null; {@code lastUpAt}/{@code lastDownAt} are the cooldowns. */
    public Surge detect(Input in, long time, long lastUpAt, long lastDownAt) {
        if (in.baselineMillis() < minBaselineMillis || in.reference() <= 0) {
            return null;
        }
        double percent = (in.price() - in.reference()) / in.reference() * 100;
        double averageVolume = (double) in.baselineVolume() * windowMillis / in.baselineMillis();
        boolean moved = Thresholds.reaches(Math.abs(percent), bandPercent(in.reference()));
        if (!moved || in.windowVolume() < volumeFactor * averageVolume) {
            return null;
        }
        Direction direction = percent > 0 ? Direction.UP : Direction.DOWN;
        long lastAt = direction == Direction.UP ? lastUpAt : lastDownAt;
        if (!Thresholds.cooledDown(lastAt, time, cooldownMillis)) {
            return null;
        }
        return new Surge(direction, percent, in.windowVolume(), averageVolume);
    }
}
