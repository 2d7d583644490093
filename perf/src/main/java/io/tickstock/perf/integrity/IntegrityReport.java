package io.tickstock.perf.integrity;

import java.util.List;

/**
 * One receiver's integrity: counts, and up to {@link Integrity#SAMPLE} ids of each problem to look up
 * ({@code ./tickstock kafka console-consumer --topic tickstock.events …}).
 *
 * @param expected events owed
 * @param delivered owed events received (at least once)
 * @param lost owed events never received
 * @param duplicated distinct ids received more than once
 * @param extraCopies arrivals beyond the first, over all ids
 * @param unexpected ids received that were neither owed nor tolerated: not committed, or not subscribed to
 * @param outsideRun tolerated ids received: events of earlier input still on their way at the start
 */
public record IntegrityReport(
        String receiver,
        long expected,
        long delivered,
        long lost,
        long duplicated,
        long extraCopies,
        long unexpected,
        long outsideRun,
        List<String> lostSample,
        List<String> duplicatedSample,
        List<String> unexpectedSample) {

    /** Nothing lost, nothing twice, nothing foreign: what every run must show, whatever its speed. */
    public boolean intact() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }
}
