package io.tickstock.gateway.socket;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.consume.EventFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * On SIGTERM (SPEC §10): stop reading, let each client's frame on the wire finish, then close every connection
 * with 1012 (service restart), which tells clients to reconnect and resume from their last cursor. Nothing queued is
 * lost: it is after that cursor, so the resume replays it.
 *
 * <p>It must run before the HTTP server goes, which closes WebSockets with a plain 1000; Quarkus's pre-shutdown
 * event ({@code quarkus.shutdown.delay-enabled=true}) comes then. The ShutdownEvent, after the server is gone, only
 * catches runs without it (tests).
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    private final EventFeed feed;
    private final ClientRegistry clients;
    private final GatewayConfig config;
    private final AtomicBoolean draining = new AtomicBoolean();

    public GracefulShutdown(EventFeed feed, ClientRegistry clients, GatewayConfig config) {
        this.feed = feed;
        this.clients = clients;
        this.config = config;
    }

    void beforeTheServerStops(@Observes ShutdownDelayInitiatedEvent event) throws InterruptedException {
        drain();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        drain();
    }

    private void drain() throws InterruptedException {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        feed.stop();
        int connected = clients.count();
        clients.all().forEach(ClientSession::shutdown);
        boolean all = clients.awaitEmpty(config.closeTimeout().toMillis() + 1000);
        LOG.infof("closed %d client connections with 1012%s", connected, all ? "" : " (some did not answer)");
    }
}
