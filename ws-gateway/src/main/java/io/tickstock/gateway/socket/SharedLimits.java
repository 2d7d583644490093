package io.tickstock.gateway.socket;

import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.queue.SharedLimit;

/**
 * What the clients of this replica share: events waiting in their queues, and bytes of frames on the wire. With
 * {@code max-clients} they bound the gateway's memory as a whole (docs/architecture.md, "Gateway memory").
 */
public record SharedLimits(SharedLimit queuedEvents, SharedLimit frameBytes) {

    /** The smallest queue a client gets: below it a client would meet the slow-client policy on a single batch. */
    static final int LEAST_QUEUE = 64;
    /** The smallest frame a client gets: a few events at least. */
    static final int LEAST_FRAME_BYTES = 16_384;

    public static SharedLimits of(GatewayConfig config) {
        return new SharedLimits(new SharedLimit(config.maxQueuedEvents(), config.queueCapacity(), LEAST_QUEUE),
                new SharedLimit(config.maxWireBytes(), config.maxFrameBytes(), LEAST_FRAME_BYTES));
    }

    /** The connected clients changed: their shares follow. */
    void clientsNow(int clients) {
        queuedEvents.clientsNow(clients);
        frameBytes.clientsNow(clients);
    }
}
