package io.tickstock.perf.measure;

import org.HdrHistogram.Histogram;

/** A latency distribution in milliseconds (from a histogram of microseconds). */
public record Percentiles(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, 0);

    public static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), Math.round(micros.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
