package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.tickstock.gateway.resume.CatchUps;
import io.tickstock.gateway.resume.Cursor;
import io.tickstock.gateway.resume.Delivery;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.Subscriptions;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One connected client: its auth state, what it is owed ({@link Delivery}), and the one frame it may have on the
 * wire.
 *
 * <p>Every change is serialized on the session, so the order a client sees is the order things happened here: a
 * subscribe ack before any event only the new subscription lets through, nothing after an unsubscribe ack that the
 * removed patterns alone matched, a resume's {@code resumed} after every event up to it. Frames are built and
 * written on the connection's event loop; the next goes out when the previous one is written, so a client that
 * stops reading only stops its own position from moving, while the others carry on.
 */
public final class ClientSession implements CatchUps.Reader {

    private static final Logger LOG = Logger.getLogger(ClientSession.class);
    private static final Buffer PING = Buffer.buffer("tickstock");

    private final WebSocketConnection connection;
    private final Context context;
    private final View view;
    private final Replica replica;
    private final SessionSettings settings;
    private final Delivery delivery;
    private final SessionClock clock;
    private final RateLimiter limiter;
    private final DropCounts drops;
    private final Outbox outbox;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile Subscriptions subscriptions = Subscriptions.NONE;
    private volatile boolean authenticated;
    private boolean broken;
    private CloseReason closing;
    private long closeDeadline;
    private boolean closeSent;

    ClientSession(WebSocketConnection connection, Context context, View view, Replica replica, long now) {
        this.connection = connection;
        this.context = context;
        this.view = view;
        this.replica = replica;
        this.settings = replica.settings();
        this.drops = new DropCounts(replica.metrics());
        this.outbox = new Outbox(settings.maxControlFrames());
        this.delivery = new Delivery(replica.log(), replica.cache(), settings.delivery(), drops);
        this.clock = new SessionClock(settings, now);
        this.limiter = new RateLimiter(settings.maxMessagesPerSecond(), settings.maxMessageBurst(), now);
        this.authenticated = !settings.authRequired();
    }

    @Override
    public String id() {
        return connection.id();
    }

    public View view() {
        return view;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public boolean authenticated() {
        return authenticated;
    }

    /** Records of the topic this client is behind the feed. */
    public synchronized long lag() {
        return delivery.lag();
    }

    /** The client showed it is alive (a message or a pong). */
    public synchronized void heard(long now) {
        clock.heard(now);
    }

    // client actions ---------------------------------------------------------------------------------------------

    /** Takes one message off the client's rate budget; when it is spent, answers 429 (once a second) and refuses. */
    public synchronized boolean admit(long now) {
        if (limiter.tryAcquire(now)) {
            return true;
        }
        if (limiter.shouldWarn(now)) {
            error(ErrorCode.RATE_LIMITED, "more than " + settings.maxMessagesPerSecond()
                    + " messages per second: messages are dropped until you slow down");
        }
        return false;
    }

    /** Sends a numbered error; the closing ones then close the connection (SPEC §8: error first, then close). */
    public synchronized void error(ErrorCode code, String message) {
        replica.metrics().error(code.code(), code == ErrorCode.SLOW_CLIENT);
        if (code.closes()) {
            closeAfter(Frames.error(code, message), new CloseReason(code.closeCode(), reason(message)));
        } else {
            reply(Frames.error(code, message));
        }
    }

    /** Queues a control frame (ack, status, error): these go before any event not yet framed. */
    public synchronized void reply(String frame) {
        if (closing != null) {
            return;
        }
        if (!outbox.reply(frame)) {
            slowClose(outbox.replies() + " replies waiting");
            return;
        }
        wake();
    }

    public synchronized void authenticate(long expiresAtMillis) {
        authenticated = true;
        clock.tokenExpiresAt(expiresAtMillis);
        reply(Frames.authSuccess());
    }

    /**
     * Replaces the subscriptions and acks them; with {@code snapshot}, the latest event of each (symbol, type) the
     * new patterns cover follows. With {@code cursor} the subscribe is also a resume: its snapshot covers only state
     * before the cursor, events after it arrive as events.
     */
    public synchronized void subscribe(Subscriptions next, boolean snapshot, boolean conflate, Cursor cursor) {
        if (cursor != null && !claimResume()) {
            return;
        }
        replica.interests().update(this, subscriptions, next);
        subscriptions = next;
        reply(view.subscribed(next));
        if (cursor != null) {
            startResume(cursor);
        }
        boolean hold = cursor == null && view.resumable();
        delivery.subscribe(next, snapshot && view.snapshots(), hold, conflate);
        if (hold) {
            clock.holdFrom(System.nanoTime());
        }
        wake();
    }

    public synchronized void unsubscribe(Subscriptions next) {
        replica.interests().update(this, subscriptions, next);
        subscriptions = next;
        delivery.unsubscribe(next);
        reply(view.subscribed(next));
    }

    /** Resumes from {@code cursor}, or says (400) why this connection cannot now. */
    public synchronized void resume(Cursor cursor) {
        if (claimResume()) {
            startResume(cursor);
            wake();
        }
    }

    private boolean claimResume() {
        String refusal = view.resumable() ? delivery.whyNoResume() : "this endpoint has no cursors: resume on /ws/v1";
        if (refusal != null) {
            error(ErrorCode.BAD_REQUEST, refusal);
            return false;
        }
        return true;
    }

    private void startResume(Cursor cursor) {
        clock.released();
        delivery.resume(cursor);
        readTopicIfNeeded();
    }

    /** A held snapshot goes out: no resume came right after the subscribe. */
    public synchronized void release() {
        clock.released();
        delivery.release();
        wake();
    }

    // the fan-out and the topic --------------------------------------------------------------------------------

    /**
     * New events in the log (or a reply, or room on the wire): the next frame is built on the connection's event
     * loop. Without the session's lock, so the feed never waits for a session that is building a frame.
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            context.runOnContext(ignored -> pumpQueued());
        }
    }

    @Override
    public synchronized CatchUps.Request next() {
        return open() ? delivery.nextRead() : null;
    }

    @Override
    public synchronized void read(CatchUps.Turn turn) {
        delivery.read(turn);
        wake();
    }

    @Override
    public synchronized void failed(String why, boolean refused) {
        delivery.readFailed();
        if (refused) {
            error(ErrorCode.BAD_REQUEST, why);
        } else {
            // a gap the client must not mistake for the stream: close, it resumes again
            closeAfter(null, new CloseReason(1011, reason("catching up failed: " + why)));
        }
    }


    private void readTopicIfNeeded() {
        if (delivery.queueTopicRead()) {
            replica.catchUps().turn(this);
        }
    }

    // timers, closing --------------------------------------------------------------------------------------------

    /** Called a few times a second: auth timeout, token expiry, liveness and progress, heartbeats, closes. */
    public synchronized void tick(long now, long epochMillis) {
        if (closing != null) {
            if (!closeSent && now - closeDeadline > 0) {
                sendClose();
            }
            return;
        }
        if (clock.holdOver(now)) {
            release();
        }
        switch (clock.due(now, epochMillis, authenticated)) {
            case AUTH_TIMEOUT -> error(ErrorCode.AUTH_TIMEOUT, "no auth within " + clock.authTimeoutSeconds()
                    + " s of connecting");
            case TOKEN_EXPIRED -> error(ErrorCode.AUTH_FAILED, "token expired: reconnect with a fresh one and resume");
            case STALLED -> slowClose("no progress for " + clock.clientTimeoutSeconds() + " s");
            case SILENT -> slowClose("no message or pong for " + clock.clientTimeoutSeconds() + " s");
            case HEARTBEAT -> {
                reply(Frames.heartbeat(epochMillis));
                connection.sendPing(PING).subscribe().with(ignored -> { }, failure -> { });
            }
            case NOTHING -> {
                // all well
            }
        }
        if (closing == null && clock.lagCheckDue(now) && delivery.lag() > settings.maxLag()) {
            slowClose("more than " + settings.maxLag() + " events behind");
        }
        if (closing == null && view.batched() && clock.batchDue(now) && !subscriptions.isEmpty()) {
            reply(view.frame(drainForBatch(), false, ""));
        }
    }

    /** Graceful shutdown: finish the frame on the wire, send nothing more, close with 1012 ("reconnect"). */
    public synchronized void shutdown() {
        closeAfter(null, new CloseReason(1012, "service restart: reconnect and resume"));
    }

    /** The connection is gone (closed by either side). */
    public synchronized void closed() {
        broken = true;
        replica.interests().remove(this, subscriptions);
    }

    public synchronized boolean open() {
        return closing == null && !broken;
    }

    private void slowClose(String why) {
        error(ErrorCode.SLOW_CLIENT, "slow client (" + why + "; " + drops.totals()
                + "): closing; reconnect and resume from your last cursor");
    }

    /**
     * Sends {@code lastFrame} (if any) and closes once the frame on the wire is written, at most close-timeout later:
     * a client that reads again by then still gets the error before the close.
     */
    private void closeAfter(String lastFrame, CloseReason reason) {
        if (closing != null) {
            return;
        }
        outbox.replaceWith(lastFrame);
        closing = reason;
        closeDeadline = System.nanoTime() + settings.closeTimeoutNanos();
        wake();
    }

    private void sendClose() {
        closeSent = true;
        connection.close(closing).subscribe().with(ignored -> { },
                failure -> LOG.debugf("client %s: close failed: %s", id(), failure.getMessage()));
    }

    private static String reason(String message) {
        // a close reason is at most 123 bytes
        return message.length() > 100 ? message.substring(0, 100) : message;
    }

    // sending ----------------------------------------------------------------------------------------------------

    private synchronized void pumpQueued() {
        wakeQueued.set(false);
        pump();
    }

    /**
     * Writes the next frame, one per turn: the next turn is queued on the event loop behind the other sessions'
     * (see {@link #written()}), so a client with a large backlog does not hold the loop while those with a frame of
     * one event wait.
     */
    private void pump() {
        if (outbox.busy() || broken) {
            return;
        }
        String frame = nextFrame();
        if (frame != null) {
            write(frame);
            return;
        }
        if (closing != null && !closeSent) {
            sendClose();
        }
        readTopicIfNeeded();
    }

    private String nextFrame() {
        String reply = outbox.nextReply();
        if (reply != null || closing != null) {
            return reply;
        }
        String notice = drops.notice();
        if (notice != null) {
            return notice;
        }
        if (view.batched()) {
            return null;
        }
        Boolean recovered = delivery.resumed();
        if (recovered != null) {
            replica.metrics().resumed(recovered);
            return Frames.resumed(recovered);
        }
        Delivery.Frame frame = delivery.next(replica.frameBytes().share());
        if (frame == null) {
            return null;
        }
        outbox.writing(frame.events());
        return view.frame(frame.events(), frame.snapshot(), frame.cursor());
    }

    /** The compatibility view's second: everything owed up to now, in one batch (it is live only: no catching up). */
    private List<OutgoingEvent> drainForBatch() {
        List<OutgoingEvent> events = new ArrayList<>();
        for (Delivery.Frame frame = delivery.next(Integer.MAX_VALUE); frame != null;
                frame = delivery.next(Integer.MAX_VALUE)) {
            events.addAll(frame.events());
        }
        if (!delivery.inLog()) {
            delivery.skipToLive();
        }
        return events;
    }

    private void write(String frame) {
        if (!outbox.busy()) {
            outbox.writing(List.of());
        }
        clock.writing(System.nanoTime());
        connection.sendText(frame).subscribe().with(ignored -> written(), this::notWritten);
    }

    private synchronized void written() {
        clock.written();
        replica.metrics().sent(outbox.written(), System.currentTimeMillis());
        wake();
    }

    private synchronized void notWritten(Throwable failure) {
        LOG.debugf("client %s: frame not written: %s", id(), failure.getMessage());
        outbox.written();
        broken = true;
    }
}
