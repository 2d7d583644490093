package io.tickstock.perf.result;

import java.util.List;
import java.util.Map;

/**
 * The audit of SPEC §5 under restarts ({@code ./tickstock chaos dedup}), from event ids and input identities only:
 * no counter of a process that was killed takes part. Written inside the run's {@link ChaosResult}; absent (null) in
 * every other chaos run and in every result written before it existed.
 *
 * @param channels per channel (tick, ohlcv, fmv): its raw input and the events it committed
 * @param reference how the events the inputs must produce were computed
 * @param orderDependent the kinds of events whose outcome depends on how the tick channel interleaves the raw
 *     topics, each with the reason and how many were committed: compared too, but a difference there may be an
 *     interleaving the two runs did not share rather than a fault, and the failure says so
 * @param failures why the audit failed; empty when it passed
 */
public record DedupReport(
        List<Channel> channels,
        String reference,
        List<String> orderDependent,
        List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * One channel. Inputs are the records of its raw topic; events those committed with its channel.
     *
     * @param rawByFeed raw records per feed (T, A, AM, FMV), every one ingest wrote during the run
     * @param unique distinct input identities (SPEC §5.1)
     * @param repeats raw records whose identity an earlier record of the run already had: what dedup must drop
     * @param injected raw records the simulator marked as its injected re-sends
     * @param repeatsNotInjected repeats without the mark (a re-send nobody injected, or identities that collide)
     * @param injectedNotRepeats marked re-sends whose original is not on the topic before them
     * @param eventsCommitted events of the channel committed ({@code read_committed}), the same id twice counting twice
     * @param idsCommittedTwice event ids committed more than once
     * @param eventsFromRepeats committed events whose source record is a repeat: a duplicate the processor let through
     * @param compared the reference's events of order-independent kinds (decided by one topic's partitions alone)
     * @param missing those not committed: inputs dropped as duplicates that were none, or lost
     * @param extra committed events of order-independent kinds the reference does not have
     * @param orderDependent the reference's events of order-dependent kinds (see {@link #orderDependent()}); null
     *     in the first dedup run (dedup-20261207-062343), which left them out of the comparison and counted only the
     *     committed ones (its {@code notCompared})
     * @param orderDependentMissing those not committed; null as above
     * @param orderDependentExtra committed events of order-dependent kinds the reference does not have; null as above
     */
    public record Channel(
            String channel,
            Map<String, Long> rawByFeed,
            long raw,
            long unique,
            long repeats,
            long injected,
            long repeatsNotInjected,
            long injectedNotRepeats,
            long eventsCommitted,
            long idsCommittedTwice,
            long eventsFromRepeats,
            long compared,
            long missing,
            long extra,
            Long orderDependent,
            Long orderDependentMissing,
            Long orderDependentExtra) {
    }
}
