package io.tickstock.gateway.socket;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The clock of every connection, five times a second: auth timeouts (404), expired tokens (402), clients that
 * answer nothing (407), heartbeats with a ping, the compatibility view's one-second batches, overdue closes.
 */
@ApplicationScoped
public class ConnectionWatch {

    private static final Logger LOG = Logger.getLogger(ConnectionWatch.class);
    static final long TICK_MILLIS = 200;

    private final ClientRegistry clients;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "connection-watch");
        thread.setDaemon(true);
        return thread;
    });

    public ConnectionWatch(ClientRegistry clients) {
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        timer.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        long epochMillis = System.currentTimeMillis();
        for (ClientSession session : clients.all()) {
            try {
                session.tick(now, epochMillis);
            } catch (RuntimeException e) {
                // one client's trouble must not stop the clock of the others
                LOG.warnf(e, "client %s: tick failed", session.id());
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
