package io.tickstock.model;

/**
 * Where an event came from (SPEC §7): carried unchanged from the input record to every client.
 *
 * @param provider the ingest source
 * @param feed the provider feed of the input message
 * @param providerTs the provider's timestamp of the input, epoch milliseconds (FMV nanoseconds are divided down)
 * @param ingestTs when the ingest service accepted the input, epoch milliseconds
 * @param topic raw topic of the input record
 * @param partition its partition
 * @param offset its offset
 * @param msgId the input's identity (SPEC §5.1)
 */
public record SourceContext(
        String provider,
        Feed feed,
        long providerTs,
        long ingestTs,
        String topic,
        int partition,
        long offset,
        String msgId) {

    /** The context of an ingested message read from {@code topic/partition@offset}. */
    public static SourceContext of(IngestedMessage in, String topic, int partition, long offset) {
        MarketMessage msg = in.msg();
        return new SourceContext(
                in.provider(), msg.ev(), msg.eventTime(), in.ingestTs(), topic, partition, offset, msg.identity());
    }
}
