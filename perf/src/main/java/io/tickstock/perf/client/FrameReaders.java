package io.tickstock.perf.client;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where the clients' frames are read once they are off the socket: a few threads of their own, so a Netty event loop
 * only stamps a frame and copies its bytes, and goes on to the next socket. Reading a frame (scanning it, checking
 * every id, recording latencies) costs the harness microseconds per event; done on the event loop, a thousand
 * clients' bursts made the last sockets of a loop's turn wait for the first ones' reading, and their frames were
 * stamped that much later than they arrived, as if the gateway had been slow.
 *
 * <p>Each client is read on one thread, so its frames and its connection's end stay in order. What waits is bounded
 * in bytes: beyond it the event loop waits too, and the stamps show the harness as the bottleneck, honestly.
 */
final class FrameReaders implements AutoCloseable {

    /** Frame bytes read off sockets and not yet read by the harness, over all clients. */
    private static final int MAX_WAITING_BYTES = 128 * 1024 * 1024;

    private final List<ExecutorService> threads = new ArrayList<>();
    private final Semaphore waitingBytes = new Semaphore(MAX_WAITING_BYTES);
    private int next;

    FrameReaders(int count) {
        DefaultThreadFactory factory = new DefaultThreadFactory("perf-read", true);
        for (int i = 0; i < count; i++) {
            threads.add(Executors.newSingleThreadExecutor(factory));
        }
    }

    /** The reader of one more client: clients are spread over the threads in turn. */
    synchronized Reader reader() {
        return new Reader(threads.get(next++ % threads.size()));
    }

    /** One client's side: everything it is handed runs on its thread, in the order handed. */
    final class Reader {

        private final ExecutorService thread;

        private Reader(ExecutorService thread) {
            this.thread = thread;
        }

        /** A frame's bytes, read off the socket at {@code receivedMicros}: waits while too many bytes wait. */
        void frame(PerfClient client, byte[] bytes, long receivedMicros) {
            int length = Math.min(bytes.length, MAX_WAITING_BYTES);
            waitingBytes.acquireUninterruptibly(length);
            boolean handed = run(() -> {
                try {
                    client.frame(bytes, bytes.length, receivedMicros);
                } finally {
                    waitingBytes.release(length);
                }
            });
            if (!handed) {
                waitingBytes.release(length);
            }
        }

        /**
         * Anything else of the connection (opened, ended, failed), after the frames handed before it; false once the
         * fleet is closed.
         */
        boolean run(Runnable task) {
            try {
                thread.execute(task);
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdown();
        }
        for (ExecutorService thread : threads) {
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
