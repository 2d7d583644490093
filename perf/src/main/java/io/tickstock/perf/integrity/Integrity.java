package io.tickstock.perf.integrity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The integrity verdict of one receiver: what it was owed (the expected event numbers) against what it got
 * ({@link Receipts}). Lost = owed and never received; duplicated = received more than once; unexpected = received,
 * neither owed nor tolerated. Any of the three fails a run, whatever its speed.
 */
public final class Integrity {

    /** How many ids of each kind a report names, for the reader to look up. */
    public static final int SAMPLE = 10;

    private Integrity() {
    }

    /**
     * @param expected the event numbers the receiver is owed
     * @param tolerated event numbers it may receive without being owed them (events of input from before the
     *     run that were still on their way when it subscribed)
     */
    public static IntegrityReport check(String receiver, BitSet expected, BitSet tolerated, Receipts receipts,
            IdSpace ids) {
        BitSet received = receipts.received();
        BitSet lost = (BitSet) expected.clone();
        lost.andNot(received);
        BitSet duplicated = receipts.repeated();
        BitSet unexpected = (BitSet) received.clone();
        unexpected.andNot(expected);
        BitSet outsideRun = (BitSet) unexpected.clone();
        outsideRun.and(tolerated);
        unexpected.andNot(tolerated);
        return new IntegrityReport(receiver, expected.cardinality(), expected.cardinality() - lost.cardinality(),
                lost.cardinality(), duplicated.cardinality(), receipts.extraCopies(), unexpected.cardinality(),
                outsideRun.cardinality(), sample(lost, ids), sample(duplicated, ids), sample(unexpected, ids));
    }

    private static List<String> sample(BitSet set, IdSpace ids) {
        List<String> sample = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0 && sample.size() < SAMPLE; i = set.nextSetBit(i + 1)) {
            sample.add(ids.id(i));
        }
        return sample;
    }
}
