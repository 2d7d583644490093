package io.tickstock.processor.detect;

/**
 * The high/low price steps of SPEC §4: a new extreme must clear the last one by
 * {@code min(dollars, price × percent)} of the band the price falls in.
 */
public final class PriceBands {

    private static final double[] BELOW = {1, 5, 25, 100, Double.POSITIVE_INFINITY};
    private static final double[] DOLLARS = {0.005, 0.01, 0.02, 0.05, 0.10};
    private static final double[] PERCENT = {0.20, 0.15, 0.10, 0.08, 0.05};

    private PriceBands() {
    }

    /** The step a price must move past the last emitted extreme. */
    public static double highLowStep(double price) {
        int band = 0;
        while (price >= BELOW[band]) {
            band++;
        }
        return Math.min(DOLLARS[band], price * PERCENT[band] / 100);
    }
}
