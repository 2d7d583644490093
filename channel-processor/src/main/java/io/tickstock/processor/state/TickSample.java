package io.tickstock.processor.state;

/**
 * One second of a symbol's tick history: the first and last price in that second and the volume, plus running
 * totals so window sums are one subtraction instead of a scan.
 *
 * @param second epoch second
 * @param first first price in the second
 * @param last last price in the second
 * @param volume volume traded in the second
 * @param volumeBefore the symbol's running volume before this second
 * @param index how many samples the symbol had before this one
 */
public record TickSample(long second, double first, double last, long volume, long volumeBefore, long index) {

    /** The sample after one more point in the same second. */
    TickSample plus(double price, long size) {
        return new TickSample(second, first, price, volume + size, volumeBefore, index);
    }
}
