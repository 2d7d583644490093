package io.tickstock.perf.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Many {@link PerfClient}s on one JDK HTTP client: one selector thread and a small pool for all of them, so a
 * thousand connections cost the harness a few threads, not a thousand.
 */
public final class ClientFleet implements AutoCloseable {

    /** Upgrades in flight at once: a thousand simultaneous handshakes would only measure the accept queue. */
    private static final int CONNECTING_AT_ONCE = 32;
    /** Between attempts to reach a gateway that is down; a 1012 close ("restarting") is answered at once. */
    private static final long RETRY_MILLIS = 250;
    private static final int SERVICE_RESTART = 1012;

    private final ExecutorService executor;
    private final HttpClient http;
    private final List<PerfClient> clients = new ArrayList<>();
    private final List<WebSocket> sockets = new ArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "perf-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    public ClientFleet(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "perf-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Connects every client to {@code uri} and waits until each one's subscription is acknowledged.
     *
     * @throws IllegalStateException naming the first client that could not connect or subscribe
     */
    public void connect(URI uri, List<PerfClient> toConnect, Duration timeout) {
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        try {
            for (PerfClient client : toConnect) {
                slots.acquire();
                CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, client);
                socket.whenComplete((s, e) -> slots.release());
                synchronized (this) {
                    clients.add(client);
                }
                ready.add(socket.thenAccept(this::keep).thenCompose(s -> client.subscribed()));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting clients", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client could not connect and subscribe to " + uri + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            long done = ready.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
            throw new IllegalStateException("only " + done + " of " + toConnect.size()
                    + " clients were connected and subscribed after " + timeout.toSeconds() + " s", e);
        }
    }

    /**
     * From now on, whenever a connection of {@code client} ends, connects it again — to the gateway {@code uri}
     * names then, retrying while none answers — where it subscribes and resumes (as docs/protocol.md asks programs
     * to, and {@code /js/tickstock.js} does).
     */
    public void keepConnected(PerfClient client, Supplier<URI> uri) {
        client.whenEnded(() -> {
            List<Integer> codes = client.closeCodes();
            boolean restarting = !codes.isEmpty() && codes.get(codes.size() - 1) == SERVICE_RESTART;
            reconnect(client, uri, restarting ? 0 : RETRY_MILLIS);
        });
    }

    private void reconnect(PerfClient client, Supplier<URI> uri, long delayMillis) {
        if (closing) {
            return;
        }
        retries.schedule(() -> http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri.get(), client).whenComplete((socket, error) -> {
                    if (error != null) {
                        reconnect(client, uri, RETRY_MILLIS); // the gateway is down or still starting
                    } else {
                        keep(socket);
                    }
                }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void keep(WebSocket socket) {
        sockets.add(socket);
    }

    public synchronized List<PerfClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        closing = true;
        retries.shutdownNow();
        List<WebSocket> open;
        synchronized (this) {
            open = List.copyOf(sockets);
        }
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (WebSocket socket : open) {
            if (!socket.isOutputClosed()) {
                closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "perf run done")
                        .orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null));
            }
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        open.forEach(WebSocket::abort);
        executor.shutdownNow();
    }
}
