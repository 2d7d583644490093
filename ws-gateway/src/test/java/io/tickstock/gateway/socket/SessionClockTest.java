package io.tickstock.gateway.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.resume.Delivery;
import io.tickstock.gateway.socket.SessionClock.Due;
import org.junit.jupiter.api.Test;

class SessionClockTest {

    private static final long SECOND = 1_000_000_000L;
    private static final SessionSettings SETTINGS = settings(15 * SECOND);
    private static final SessionSettings NO_HEARTBEAT_SOON = settings(1000 * SECOND);

    private static SessionSettings settings(long heartbeatNanos) {
        return new SessionSettings(true, 10 * SECOND, 256, new Delivery.Limits(500, 2000, 2000), 1_000_000, 20, 50,
                heartbeatNanos, 45 * SECOND, 5 * SECOND, SECOND / 2);
    }

    @Test
    void anUnauthenticatedClientTimesOutFirst() {
        SessionClock clock = new SessionClock(SETTINGS, 0);

        assertThat(clock.due(9 * SECOND, 0, false)).isEqualTo(Due.NOTHING);
        assertThat(clock.due(11 * SECOND, 0, false)).isEqualTo(Due.AUTH_TIMEOUT);
        assertThat(clock.due(11 * SECOND, 0, true)).isEqualTo(Due.NOTHING);
        assertThat(clock.authTimeoutSeconds()).isEqualTo(10);
    }

    @Test
    void aTokenExpiresAtItsTime() {
        SessionClock clock = new SessionClock(SETTINGS, 0);
        clock.tokenExpiresAt(1_000);

        assertThat(clock.due(SECOND, 999, true)).isEqualTo(Due.NOTHING);
        assertThat(clock.due(SECOND, 1_000, true)).isEqualTo(Due.TOKEN_EXPIRED);
    }

    @Test
    void aFrameOnTheWireForLongerThanTheClientTimeoutIsNoProgressEvenFromAClientThatTalks() {
        SessionClock clock = new SessionClock(NO_HEARTBEAT_SOON, 0);
        clock.writing(SECOND);

        clock.heard(40 * SECOND);
        assertThat(clock.due(45 * SECOND, 0, true)).isEqualTo(Due.NOTHING);
        clock.heard(46 * SECOND);
        assertThat(clock.due(47 * SECOND, 0, true)).isEqualTo(Due.STALLED);
        clock.written();
        assertThat(clock.due(47 * SECOND, 0, true)).isEqualTo(Due.NOTHING);
        assertThat(clock.clientTimeoutSeconds()).isEqualTo(45);
    }

    @Test
    void aClientThatSaysNothingAndAnswersNoPingIsSilentAndHeartbeatsComeEvery15Seconds() {
        SessionClock clock = new SessionClock(SETTINGS, 0);

        assertThat(clock.due(15 * SECOND, 0, true)).isEqualTo(Due.HEARTBEAT);
        assertThat(clock.due(16 * SECOND, 0, true)).isEqualTo(Due.NOTHING);
        assertThat(clock.due(30 * SECOND, 0, true)).isEqualTo(Due.HEARTBEAT);
        assertThat(clock.due(46 * SECOND, 0, true)).isEqualTo(Due.SILENT);
    }

    @Test
    void aHeldSnapshotIsOverAfterItsHoldAndABatchIsDueOnceASecond() {
        SessionClock clock = new SessionClock(SETTINGS, 0);
        assertThat(clock.holdOver(10 * SECOND)).as("nothing held").isFalse();

        clock.holdFrom(SECOND);
        assertThat(clock.holdOver(SECOND + SECOND / 4)).isFalse();
        assertThat(clock.holdOver(2 * SECOND)).isTrue();
        clock.released();
        assertThat(clock.holdOver(3 * SECOND)).isFalse();

        assertThat(clock.batchDue(SECOND / 2)).isFalse();
        assertThat(clock.batchDue(SECOND)).isTrue();
        assertThat(clock.batchDue(SECOND + 1)).isFalse();
        assertThat(clock.lagCheckDue(SECOND / 2)).isFalse();
        assertThat(clock.lagCheckDue(SECOND)).isTrue();
        assertThat(clock.lagCheckDue(SECOND + 1)).isFalse();
    }
}
