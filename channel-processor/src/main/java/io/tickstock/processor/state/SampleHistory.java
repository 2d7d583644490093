package io.tickstock.processor.state;

import java.util.Arrays;

/**
 * One symbol's samples of the tick series, oldest first, in a circular array: a trade updates or appends the newest
 * one, surge and trend find a window's first and last samples by binary search, and seconds that fall out of the
 * history leave from the front. Seconds that only late inputs touched have no sample; they are listed apart, so
 * that they leave with the others.
 */
final class SampleHistory {

    private static final int INITIAL = 16;

    private TickSample[] samples = new TickSample[INITIAL];
    private int head;
    private int size;
    private long[] lateOnly = new long[0];

    /** Sets the sample of its second: the newest, or a new second after it. */
    void put(TickSample sample) {
        if (size > 0 && newest().second() == sample.second()) {
            samples[index(size - 1)] = sample;
            return;
        }
        if (size > 0 && sample.second() < newest().second()) {
            throw new IllegalArgumentException("second " + sample.second() + " is before the newest, "
                    + newest().second());
        }
        if (size == samples.length) {
            samples = toArray(samples.length * 2);
            head = 0;
        }
        samples[index(size++)] = sample;
    }

    /** Notes a second that has identities but no sample. */
    void putLateOnly(long second) {
        int at = Arrays.binarySearch(lateOnly, second);
        if (at < 0) {
            long[] next = new long[lateOnly.length + 1];
            int insert = -at - 1;
            System.arraycopy(lateOnly, 0, next, 0, insert);
            next[insert] = second;
            System.arraycopy(lateOnly, insert, next, insert + 1, lateOnly.length - insert);
            lateOnly = next;
        }
    }

    /** Removes every second before {@code second}, sampled or not, and returns them. */
    long[] dropBefore(long second) {
        int dropped = 0;
        while (dropped < size && samples[index(dropped)].second() < second) {
            dropped++;
        }
        int late = 0;
        while (late < lateOnly.length && lateOnly[late] < second) {
            late++;
        }
        long[] seconds = new long[dropped + late];
        for (int i = 0; i < dropped; i++) {
            seconds[i] = samples[index(i)].second();
            samples[index(i)] = null;
        }
        System.arraycopy(lateOnly, 0, seconds, dropped, late);
        head = index(dropped);
        size -= dropped;
        lateOnly = Arrays.copyOfRange(lateOnly, late, lateOnly.length);
        return seconds;
    }

    /** The first sample with its second in [from, to], or null. */
    TickSample firstBetween(long from, long to) {
        int at = firstAtOrAfter(from);
        return at < size && sample(at).second() <= to ? sample(at) : null;
    }

    /** The last sample with its second in [from, to], or null. */
    TickSample lastBetween(long from, long to) {
        int at = firstAtOrAfter(to + 1) - 1;
        return at >= 0 && to >= from && sample(at).second() >= from ? sample(at) : null;
    }

    boolean isEmpty() {
        return size == 0 && lateOnly.length == 0;
    }

    private TickSample newest() {
        return sample(size - 1);
    }

    private TickSample sample(int i) {
        return samples[index(i)];
    }

    private int index(int i) {
        return (head + i) % samples.length;
    }

    /** The position of the first sample whose second is at least {@code second} (size when none). */
    private int firstAtOrAfter(long second) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sample(mid).second() < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private TickSample[] toArray(int capacity) {
        TickSample[] copy = new TickSample[capacity];
        for (int i = 0; i < size; i++) {
            copy[i] = sample(i);
        }
        return copy;
    }
}
