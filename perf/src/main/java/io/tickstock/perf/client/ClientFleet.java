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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many {@link PerfClient}s on one JDK HTTP client: one selector thread and a small pool for all of them, so a
 * thousand connections cost the harness a few threads, not a thousand.
 */
public final class ClientFleet implements AutoCloseable {

    /** Upgrades in flight at once: a thousand simultaneous handshakes would only measure the accept queue. */
    private static final int CONNECTING_AT_ONCE = 32;

    private final ExecutorService executor;
    private final HttpClient http;
    private final List<PerfClient> clients = new ArrayList<>();
    private final List<WebSocket> sockets = new ArrayList<>();

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

    private synchronized void keep(WebSocket socket) {
        sockets.add(socket);
    }

    public synchronized List<PerfClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
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
