package io.tickstock.perf.client;

/**
 * One object of a server frame, reduced to what the harness judges: for events their identity, routing and source
 * times; for status and error objects what they say. Absent numbers are 0, absent strings empty.
 *
 * @param detectedAt when the processor emitted the event, epoch milliseconds
 * @param feed the input's feed ({@code source.feed})
 * @param providerTs the input's provider time ({@code source.providerTs}); for a bar its end, which names its burst
 * @param ingestTs when ingest accepted the input ({@code source.ingestTs}), epoch milliseconds
 * @param gatewayReadUs when the gateway read the event from Kafka, epoch microseconds (0: not said)
 * @param auth in the {@code connected} status: {@code required} or {@code none}
 * @param cursor on the last event of a frame: where the client stands after the frame, what a reconnecting client
 *     resumes from (empty on the other events)
 * @param recovered in the {@code resumed} status: whether everything after the cursor was still in Kafka
 */
public record ServerObject(
        String ev,
        String id,
        String type,
        String symbol,
        String channel,
        int priority,
        long detectedAt,
        boolean snapshot,
        String feed,
        long providerTs,
        long ingestTs,
        long gatewayReadUs,
        String status,
        String auth,
        int code,
        String message,
        int shed,
        int conflated,
        String cursor,
        boolean recovered) {

    public boolean isEvent() {
        return ev.equals("event");
    }
}
