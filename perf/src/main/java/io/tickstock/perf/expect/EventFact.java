package io.tickstock.perf.expect;

/**
 * An event as it lies committed on {@code tickstock.events}, reduced to what the harness judges by.
 *
 * @param number the event id's number in the run's {@link io.tickstock.perf.integrity.IdSpace}
 * @param feed the input's feed; with {@code providerTs} it names the minute burst a bar event belongs to
 * @param ingestTs when ingest accepted the input, epoch milliseconds
 * @param inRun whether the input was produced by this run (its raw offset is past the run's start)
 * @param readAtMillis when the harness read it committed
 */
public record EventFact(
        int number,
        String type,
        String symbol,
        String channel,
        int priority,
        String feed,
        long providerTs,
        long ingestTs,
        boolean inRun,
        long readAtMillis) {
}
