package io.tickstock.ingest.metrics;

import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.Rejection;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Logs rejections at a bounded rate: a flood of garbage must not become a flood of log lines (or of disk). At most
 * {@code perSecond} lines a second; what was left out is summarised in the next line that is written.
 */
public final class RejectLog {

    private static final Logger LOG = Logger.getLogger(RejectLog.class);
    private static final long SECOND = 1000;

    private final Clock clock;
    private final int perSecond;
    private long windowStart;
    private int loggedInWindow;
    private long suppressed;

    public RejectLog(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /** Logs the rejection unless this second's budget is spent; returns whether it was logged. */
    public synchronized boolean log(Origin origin, Rejection rejection) {
        long now = clock.millis();
        if (now - windowStart >= SECOND) {
            windowStart = now;
            loggedInWindow = 0;
        }
        if (loggedInWindow >= perSecond) {
            suppressed++;
            return false;
        }
        loggedInWindow++;
        String skipped = suppressed == 0 ? "" : " (" + suppressed + " more rejections not logged)";
        suppressed = 0;
        LOG.warnf("rejected from %s (%s): %s: %s%s", origin.source(), origin.where(), rejection.reason().code(),
                rejection.detail(), skipped);
        return true;
    }
}
