package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.queue.ClientQueue;
import io.tickstock.gateway.queue.ClientQueue.Drained;
import io.tickstock.gateway.queue.Cursor;
import io.tickstock.gateway.queue.SentPositions;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.SnapshotCache;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.model.MarketEvent;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One connected client: its auth state, subscriptions, bounded queue and the one frame it may have on the wire.
 *
 * <p>Every change is serialized on the session, so the order a client sees is the order things happened here: a
 * subscribe ack before any event only the new subscription lets through, nothing after an unsubscribe ack that the
 * removed patterns alone matched, a resume's {@code resumed} after every replayed event. The feed thread only
 * queues (never waits for a socket): the next frame goes out when the previous one is written, so a client that
 * stops reading fills its own queue and meets the slow-client policy while the others carry on.
 */
public final class ClientSession implements ClientQueue.Drops {

    private static final Logger LOG = Logger.getLogger(ClientSession.class);
    private static final Buffer PING = Buffer.buffer("tickstock");

    private final WebSocketConnection connection;
    private final View view;
    private final SessionSettings settings;
    private final GatewayMetrics metrics;
    private final ClientQueue queue;
    private final SharedLimits shared;
    private final ArrayDeque<String> control = new ArrayDeque<>();
    private final RateLimiter limiter;
    private final long authDeadline;
    private volatile Subscriptions subscriptions = Subscriptions.NONE;
    private volatile boolean authenticated;
    private volatile long lastHeard;
    /** What this connection sent while a resume may still come; null once past the resume window. */
    private SentPositions sent = new SentPositions();
    private long tokenExpiresAt = Long.MAX_VALUE;
    private long nextHeartbeat;
    private long nextBatch;
    private boolean inFlight;
    private boolean pumping;
    private boolean resuming;
    private boolean replaying;
    private boolean broken;
    private List<Drained> onTheWire = List.of();
    private CloseReason closing;
    private long closeDeadline;
    private boolean closeSent;
    private int shedSinceNotice;
    private int conflatedSinceNotice;
    private long shedTotal;
    private long conflatedTotal;

    ClientSession(WebSocketConnection connection, View view, SessionSettings settings, GatewayMetrics metrics,
            SharedLimits shared, long[] start, long now) {
        this.connection = connection;
        this.view = view;
        this.settings = settings;
        this.metrics = metrics;
        this.queue = new ClientQueue(start, settings.queueCapacity(), this);
        this.shared = shared;
        this.limiter = new RateLimiter(settings.maxMessagesPerSecond(), settings.maxMessageBurst(), now);
        this.authenticated = !settings.authRequired();
        this.authDeadline = now + settings.authTimeoutNanos();
        this.lastHeard = now;
        this.nextHeartbeat = now + settings.heartbeatNanos();
        this.nextBatch = now + 1_000_000_000L;
    }

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

    public int queued() {
        return queue.size();
    }

    /** The client showed it is alive (a message or a pong). */
    public void heard(long now) {
        lastHeard = now;
    }

    // ------------------------------------------------------------------------------------------- client actions

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
        metrics.error(code);
        if (code.closes()) {
            closeAfter(Frames.error(code, message), new CloseReason(code.closeCode(), reason(message)));
        } else {
            reply(Frames.error(code, message));
        }
    }

    /** Queues a control frame (ack, status, error): these go before any queued event. */
    public synchronized void reply(String frame) {
        if (closing != null) {
            return;
        }
        if (control.size() >= settings.maxControlFrames()) {
            slowClose(control.size() + " replies waiting");
            return;
        }
        control.add(frame);
        pump();
    }

    public synchronized void authenticate(long expiresAtMillis) {
        authenticated = true;
        tokenExpiresAt = expiresAtMillis;
        reply(Frames.authSuccess());
    }

    /**
     * Replaces the subscriptions; with {@code snapshot}, queues the latest event of each (symbol, type) the new
     * patterns cover and the old did not, as far as this client's position (later ones reach it live).
     */
    public synchronized void subscribe(Subscriptions next, boolean snapshot, SnapshotCache cache) {
        Subscriptions before = subscriptions;
        subscriptions = next;
        reply(view.subscribed(next));
        if (snapshot && view.snapshots()) {
            List<OutgoingEvent> latest = cache.select(next.coversAllSymbols() ? null : next.namedSymbols(),
                    event -> next.matches(event.event()) && !before.matches(event.event())
                            && event.offset() < queue.offered(event.partition()));
            latest.sort(Comparator.comparingLong(OutgoingEvent::offset).thenComparingInt(OutgoingEvent::partition));
            queue.addSnapshot(latest);
            pump();
        }
    }

    public synchronized void unsubscribe(Subscriptions next) {
        subscriptions = next;
        queue.purge(event -> !next.matches(event.event()));
        reply(view.subscribed(next));
    }

    // ------------------------------------------------------------------------------------------- live events

    /** The feed's batch; {@code positions} is where the feed stands in every partition after it. */
    public synchronized void offer(List<OutgoingEvent> batch, long[] positions) {
        if (replaying || closing != null) {
            return;
        }
        Subscriptions current = subscriptions;
        if (!current.isEmpty()) {
            queue.startBatch(shared.queuedEvents().share());
            for (OutgoingEvent event : batch) {
                if (current.matches(event.event()) && queue.offer(event) == ClientQueue.Outcome.FULL) {
                    slowClose(queue.size() + " events waiting");
                    return;
                }
            }
        }
        for (int partition = 0; partition < positions.length; partition++) {
            queue.advance(partition, positions[partition]);
        }
        pump();
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

    // ------------------------------------------------------------------------------------------- resume

    /** Claims the connection for one resume; false (and why, via 400) when it cannot take one now. */
    public synchronized boolean claimResume() {
        if (!view.resumable()) {
            error(ErrorCode.BAD_REQUEST, "this endpoint has no cursors: resume on /ws/v1");
        } else if (resuming) {
            error(ErrorCode.BAD_REQUEST, "a resume is already replaying on this connection");
        } else if (sent == null) {
            error(ErrorCode.BAD_REQUEST, "resume only at the start of a connection (within its first "
                    + settings.resumeWindow() + " events): reconnect, subscribe and resume");
        } else {
            resuming = true;
            return true;
        }
        return false;
    }

    /** The cursor cannot be replayed here: the claim is released and the client told why (400). */
    public synchronized void rejectResume(String why) {
        resuming = false;
        error(ErrorCode.BAD_REQUEST, why);
    }

    /** The replay starts: live offers stop, the queue restarts from {@code cursor}, reading from {@code start}. */
    public synchronized void beginReplay(Cursor cursor, long[] start) {
        replaying = true;
        queue.restartAt(cursor, start);
    }

    /** Offers replayed events, waiting for room instead of shedding; false once the connection is gone. */
    public synchronized boolean offerReplayed(List<OutgoingEvent> events) throws InterruptedException {
        queue.startBatch(shared.queuedEvents().share());
        for (OutgoingEvent event : events) {
            while (open() && queue.size() >= shared.queuedEvents().share() / 2) {
                wait(200);
            }
            if (!open()) {
                return false;
            }
            if (subscriptions.matches(event.event())) {
                queue.offer(event);
                pump();
            }
        }
        return open();
    }

    public synchronized void advanceReplayed(int partition, long position) {
        queue.advance(partition, position);
    }

    /**
     * Hands over from replay to live once every replayed event is sent and the replay has reached where the feed
     * stands ({@code handedOut}); then {@code resumed} follows the replayed events and precedes any live one.
     */
    public synchronized boolean finishReplay(long[] handedOut, boolean recovered) {
        if (!queue.isEmpty()) {
            return false;
        }
        for (int partition = 0; partition < handedOut.length; partition++) {
            if (queue.offered(partition) < handedOut[partition]) {
                return false;
            }
        }
        replaying = false;
        resuming = false;
        metrics.resumed(recovered);
        reply(Frames.resumed(recovered));
        return true;
    }

    /** A replay that failed leaves a gap the client must not mistake for the stream: close, it resumes again. */
    public synchronized void replayFailed(String why) {
        closeAfter(null, new CloseReason(1011, reason("resume failed: " + why)));
    }

    public synchronized boolean open() {
        return closing == null && !broken;
    }

    // ------------------------------------------------------------------------------------------- timers, closing

    /** Called a few times a second: auth timeout, token expiry, liveness, heartbeat, the compat batch, closes. */
    public synchronized void tick(long now, long epochMillis) {
        if (closing != null) {
            if (!closeSent && now - closeDeadline > 0) {
                sendClose();
            }
            return;
        }
        if (!authenticated && now - authDeadline > 0) {
            error(ErrorCode.AUTH_TIMEOUT, "no auth within " + settings.authTimeoutNanos() / 1_000_000_000L
                    + " s of connecting");
        } else if (epochMillis >= tokenExpiresAt) {
            error(ErrorCode.AUTH_FAILED, "token expired: reconnect with a fresh one and resume");
        } else if (now - lastHeard > settings.clientTimeoutNanos()) {
            slowClose("no message or pong for " + settings.clientTimeoutNanos() / 1_000_000_000L + " s");
        } else {
            if (now - nextHeartbeat >= 0) {
                nextHeartbeat = now + settings.heartbeatNanos();
                reply(Frames.heartbeat(epochMillis));
                connection.sendPing(PING).subscribe().with(ignored -> { }, failure -> { });
            }
            if (view.batched() && now - nextBatch >= 0) {
                nextBatch = now + 1_000_000_000L;
                if (!subscriptions.isEmpty()) {
                    reply(view.frame(drain(Integer.MAX_VALUE, Integer.MAX_VALUE)));
                }
            }
        }
    }

    /** Graceful shutdown: finish the frame on the wire, send nothing more, close with 1012 ("reconnect"). */
    public synchronized void shutdown() {
        closeAfter(null, new CloseReason(1012, "service restart: reconnect and resume"));
    }

    /** The connection is gone (closed by either side). */
    public synchronized void closed() {
        broken = true;
        notifyAll();
    }

    private void slowClose(String why) {
        error(ErrorCode.SLOW_CLIENT, "slow client (" + why + "; " + shedTotal + " shed, " + conflatedTotal
                + " conflated): closing; reconnect and resume from your last cursor");
    }

    private void closeAfter(String lastFrame, CloseReason reason) {
        if (closing != null) {
            return;
        }
        control.clear();
        if (lastFrame != null) {
            control.add(lastFrame);
        }
        closing = reason;
        closeDeadline = System.nanoTime() + settings.closeTimeoutNanos();
        notifyAll();
        pump();
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

    // ------------------------------------------------------------------------------------------- sending

    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!inFlight && !broken) {
                String frame = nextFrame();
                if (frame == null) {
                    if (closing != null && !closeSent) {
                        sendClose();
                    }
                    return;
                }
                write(frame);
            }
        } finally {
            pumping = false;
        }
    }

    private String nextFrame() {
        String reply = control.poll();
        if (reply != null || closing != null) {
            return reply;
        }
        if (shedSinceNotice + conflatedSinceNotice > 0) {
            String notice = Frames.slow(shedSinceNotice, conflatedSinceNotice);
            shedSinceNotice = 0;
            conflatedSinceNotice = 0;
            return notice;
        }
        if (view.batched()) {
            return null;
        }
        List<Drained> events = drain(settings.maxFrameEvents(), shared.frameBytes().share());
        if (events.isEmpty()) {
            return null;
        }
        onTheWire = events;
        return view.frame(events);
    }

    /** Up to {@code maxEvents}, stopping once {@code maxBytes} are reached: a frame waits whole on a slow socket. */
    private List<Drained> drain(int maxEvents, int maxBytes) {
        List<Drained> events = new ArrayList<>();
        int bytes = 0;
        while (events.size() < maxEvents && bytes < maxBytes) {
            Drained next = queue.next();
            if (next == null) {
                break;
            }
            if (firstTimeSent(next.event())) {
                events.add(next);
                bytes += next.renderedLength() + 1;
            }
        }
        return events;
    }

    /** Remembers what it sent while a resume may still come, so its replay never repeats an event. */
    private boolean firstTimeSent(OutgoingEvent event) {
        if (sent == null) {
            return true;
        }
        if (!sent.add(SentPositions.position(event.partition(), event.offset()))) {
            return false;
        }
        if (sent.size() > settings.resumeWindow() && !resuming) {
            sent = null;
        }
        return true;
    }

    private void write(String frame) {
        inFlight = true;
        connection.sendText(frame).subscribe().with(ignored -> written(), this::notWritten);
    }

    private synchronized void written() {
        inFlight = false;
        long now = System.currentTimeMillis();
        for (Drained drained : onTheWire) {
            MarketEvent event = drained.event().event();
            metrics.sent(drained.event().priorityClass(), event.channel(),
                    event.source() == null ? 0 : event.source().ingestTs(), now);
        }
        onTheWire = List.of();
        notifyAll();
        pump();
    }

    private synchronized void notWritten(Throwable failure) {
        LOG.debugf("client %s: frame not written: %s", id(), failure.getMessage());
        inFlight = false;
        broken = true;
        onTheWire = List.of();
        notifyAll();
    }
}
