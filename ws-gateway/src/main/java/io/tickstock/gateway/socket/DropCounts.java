package io.tickstock.gateway.socket;

import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.resume.Delivery;

/**
 * What a client that asked for conflation did not get: counted for the metrics, told to the client in a {@code slow}
 * status before its next events, and named in a 407's message. The caller holds the session's lock.
 */
final class DropCounts implements Delivery.Drops {

    private final GatewayMetrics metrics;
    private int shedSinceNotice;
    private int conflatedSinceNotice;
    private long shedTotal;
    private long conflatedTotal;

    DropCounts(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void shed(int priority) {
        metrics.shed(priority);
        shedSinceNotice++;
        shedTotal++;
    }

    @Override
    public void conflated(int priority) {
        metrics.conflated(priority);
        conflatedSinceNotice++;
        conflatedTotal++;
    }

    /** The {@code slow} status owed since the last one, or null when nothing was dropped since. */
    String notice() {
        if (shedSinceNotice + conflatedSinceNotice == 0) {
            return null;
        }
        String notice = Frames.slow(shedSinceNotice, conflatedSinceNotice);
        shedSinceNotice = 0;
        conflatedSinceNotice = 0;
        return notice;
    }

    /** For a 407's message: what was dropped over the whole connection. */
    String totals() {
        return shedTotal + " shed, " + conflatedTotal + " conflated";
    }
}
