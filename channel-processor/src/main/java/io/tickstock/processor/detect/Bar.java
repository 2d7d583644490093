package io.tickstock.processor.detect;

/**
 * What the OHLCV channel remembers of one minute bar.
 *
 * @param s bar start, epoch milliseconds
 * @param o open
 * @param c close
 * @param v volume
 */
public record Bar(long s, double o, double c, long v) {

    /** (c − o) / o in percent. */
    public double changePercent() {
        return (c - o) / o * 100;
    }
}
