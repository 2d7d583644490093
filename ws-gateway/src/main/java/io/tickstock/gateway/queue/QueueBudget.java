package io.tickstock.gateway.queue;

/**
 * The events all clients of one gateway may have queued together, shared out equally among those connected. Each
 * client's queue works in fractions of its share (shed from half, conflate from three quarters, 407 when full), so
 * as more clients connect the slow-client policy starts earlier and the gateway's heap stays bounded however many of
 * them fall behind at once.
 */
public final class QueueBudget {

    /** The smallest share, whatever the count: below it a client would meet the policy on a single batch. */
    static final int MIN_SHARE = 64;

    private final int total;
    private final int perClient;
    private volatile int share;

    /**
     * @param total events all clients together may have queued
     * @param perClient most events one client may have queued, however few are connected
     */
    public QueueBudget(int total, int perClient) {
        if (total < MIN_SHARE) {
            throw new IllegalArgumentException("a queue budget of " + total + " events leaves no client "
                    + MIN_SHARE + " to queue");
        }
        this.total = total;
        this.perClient = perClient;
        this.share = perClient;
    }

    /** The connected clients changed: their share follows. */
    public void clientsNow(int clients) {
        share = shareFor(clients);
    }

    /** Events one client may have queued now. */
    public int share() {
        return share;
    }

    int shareFor(int clients) {
        return clients <= 0 ? perClient : Math.min(perClient, Math.max(MIN_SHARE, total / clients));
    }
}
