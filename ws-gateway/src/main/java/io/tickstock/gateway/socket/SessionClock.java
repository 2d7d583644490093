package io.tickstock.gateway.socket;

/**
 * A connection's deadlines, judged a few times a second: the first one due wins. The caller holds the session's
 * lock.
 */
final class SessionClock {

    /** What is due on a connection now. */
    enum Due { NOTHING, AUTH_TIMEOUT, TOKEN_EXPIRED, SILENT, STALLED, HEARTBEAT }

    private static final long SECOND = 1_000_000_000L;

    private final SessionSettings settings;
    private final long authDeadline;
    private long tokenExpiresAt = Long.MAX_VALUE;
    private long lastHeard;
    private long nextHeartbeat;
    private long nextBatch;
    private long nextLagCheck;
    private long holdUntil;
    private boolean holding;
    /** When the frame on the wire was handed to the socket, or 0 when none is. */
    private long writingSince;

    SessionClock(SessionSettings settings, long now) {
        this.settings = settings;
        this.authDeadline = now + settings.authTimeoutNanos();
        this.lastHeard = now;
        this.nextHeartbeat = now + settings.heartbeatNanos();
        this.nextBatch = now + SECOND;
        this.nextLagCheck = now + SECOND;
    }

    void heard(long now) {
        lastHeard = now;
    }

    void tokenExpiresAt(long epochMillis) {
        tokenExpiresAt = epochMillis;
    }

    void writing(long now) {
        writingSince = now;
    }

    void written() {
        writingSince = 0;
    }

    void holdFrom(long now) {
        holdUntil = now + settings.snapshotHoldNanos();
        holding = true;
    }

    /** True once a held snapshot has waited its time for a resume. */
    boolean holdOver(long now) {
        return holding && now - holdUntil >= 0;
    }

    void released() {
        holding = false;
    }

    Due due(long now, long epochMillis, boolean authenticated) {
        if (!authenticated && now - authDeadline > 0) {
            return Due.AUTH_TIMEOUT;
        }
        if (epochMillis >= tokenExpiresAt) {
            return Due.TOKEN_EXPIRED;
        }
        if (writingSince != 0 && now - writingSince > settings.clientTimeoutNanos()) {
            return Due.STALLED;
        }
        if (now - lastHeard > settings.clientTimeoutNanos()) {
            return Due.SILENT;
        }
        if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + settings.heartbeatNanos();
            return Due.HEARTBEAT;
        }
        return Due.NOTHING;
    }

    /** True once a second: how far behind the client is, is checked (a tick's clock need not do it each time). */
    boolean lagCheckDue(long now) {
        if (now - nextLagCheck < 0) {
            return false;
        }
        nextLagCheck = now + SECOND;
        return true;
    }

    /** True once a second: the compatibility view's batch is due. */
    boolean batchDue(long now) {
        if (now - nextBatch < 0) {
            return false;
        }
        nextBatch = now + SECOND;
        return true;
    }

    long authTimeoutSeconds() {
        return settings.authTimeoutNanos() / SECOND;
    }

    long clientTimeoutSeconds() {
        return settings.clientTimeoutNanos() / SECOND;
    }
}
