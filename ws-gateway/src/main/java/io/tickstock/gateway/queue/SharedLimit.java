package io.tickstock.gateway.queue;

/**
 * A limit all clients of one gateway replica share equally: each gets the total divided by the clients connected,
 * at most what one client may have however few are connected, and never less than the smallest useful amount. Two
 * of them bound the gateway's memory as a whole, whatever the number of clients: the events waiting in client
 * queues (as more clients connect, the slow-client policy starts earlier) and the bytes of the frames on the wire
 * (a frame waits whole on a slow socket).
 */
public final class SharedLimit {

    private final long total;
    private final int perClient;
    private final int least;
    private volatile int share;

    /**
     * @param total what all clients together may have
     * @param perClient most one client may have, however few are connected
     * @param least the smallest share, whatever the count (below it a client could not work), unless
     *     {@code perClient} is smaller still
     */
    public SharedLimit(long total, int perClient, int least) {
        if (total <= 0 || perClient <= 0) {
            throw new IllegalArgumentException("a shared limit needs a positive total and share, not " + total
                    + " and " + perClient);
        }
        this.total = total;
        this.perClient = perClient;
        this.least = least;
        this.share = perClient;
    }

    /** The connected clients changed: their share follows. */
    public void clientsNow(int clients) {
        share = clients <= 0 ? perClient : (int) Math.min(perClient, Math.max(least, total / clients));
    }

    /** What one client may have now. */
    public int share() {
        return share;
    }
}
