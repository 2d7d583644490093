package io.tickstock.perf.integrity;

import java.util.BitSet;

/**
 * What one receiver got, by event number ({@link IdSpace}): each id once, and every repeat of it. Safe to feed
 * from one thread while another reads.
 */
public final class Receipts {

    private final BitSet received = new BitSet();
    private final BitSet repeated = new BitSet();
    private long copies;

    /** Records one arrival of event {@code number}. */
    public synchronized void receive(int number) {
        if (received.get(number)) {
            repeated.set(number);
            copies++;
        } else {
            received.set(number);
        }
    }

    public synchronized boolean has(int number) {
        return received.get(number);
    }

    /** Whether event {@code number} arrived more than once. */
    public synchronized boolean repeated(int number) {
        return repeated.get(number);
    }

    /** Distinct events received. */
    public synchronized int distinct() {
        return received.cardinality();
    }

    /** Arrivals beyond the first, over all ids. */
    public synchronized long extraCopies() {
        return copies;
    }

    synchronized BitSet received() {
        return (BitSet) received.clone();
    }

    synchronized BitSet repeated() {
        return (BitSet) repeated.clone();
    }
}
