package io.tickstock.gateway.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load run against a running gateway (not a test): N clients subscribe to the same patterns, some stall, and
 * after the run every client that kept reading is compared with the union of what all of them received (events
 * missing, events received twice) and the end-to-end latency ({@code ingestTs} → received here) is reported.
 *
 * <pre>java -cp … io.tickstock.gateway.load.ClientLoad ws://localhost:8080/ws/v1 1000 60 '*.*' 1</pre>
 */
public final class ClientLoad {

    private ClientLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String patterns = args.length > 3 ? args[3] : "*.*";
        int stalled = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient http = HttpClient.newHttpClient();
        List<Client> clients = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Client client = new Client(i < stalled);
            client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, client).get(60, TimeUnit.SECONDS);
            client.socket.sendText("{\"action\":\"subscribe\",\"params\":\"" + patterns
                    + "\",\"snapshot\":false}", true).join();
            clients.add(client);
        }
        System.out.printf("%d clients connected and subscribed in %d ms (%d stalled)%n", count,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart), stalled);
        long measureFrom = System.currentTimeMillis() + 2000; // every client is subscribed by then
        long measureTo = measureFrom + seconds * 1000L;
        clients.forEach(client -> client.window(measureFrom, measureTo));
        Thread.sleep(seconds * 1000L + 6000); // a load run, not a test: it runs for the time it was given
        clients.forEach(client -> client.socket.abort());

        Set<String> union = new HashSet<>();
        List<Long> latencies = new ArrayList<>();
        for (Client client : clients) {
            if (client.stalled) {
                continue;
            }
            union.addAll(client.ids);
            latencies.addAll(client.latencies);
        }
        long missing = 0;
        long duplicates = 0;
        for (Client client : clients) {
            if (!client.stalled) {
                missing += union.size() - client.ids.size();
                duplicates += client.duplicates.get();
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("events in the window: %d distinct; %d clients reading, each expected all of them%n",
                union.size(), count - stalled);
        System.out.printf("missing (client, event) pairs: %d; duplicates received: %d (stalled clients: see"
                + " tickstock_gateway_slow_closes_total)%n", missing, duplicates);
        if (sorted.length > 0) {
            System.out.printf("latency ingestTs -> client, over %d deliveries: p50 %d ms, p99 %d ms, p99.9 %d ms,"
                    + " max %d ms%n", sorted.length, at(sorted, 0.5), at(sorted, 0.99), at(sorted, 0.999),
                    sorted[sorted.length - 1]);
        }
        System.out.println("window events per second: " + union.size() / Math.max(1, seconds));
        System.exit(0);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
    }

    private static final class Client implements WebSocket.Listener {
        private final boolean stalled;
        private final Set<String> ids = new HashSet<>();
        private final List<Long> latencies = new ArrayList<>();
        private final AtomicInteger duplicates = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private volatile long from = Long.MAX_VALUE;
        private volatile long to = Long.MAX_VALUE;
        private WebSocket socket;

        Client(boolean stalled) {
            this.stalled = stalled;
        }

        void window(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String frame = partial.toString();
                partial.setLength(0);
                synchronized (this) {
                    scan(frame, now);
                }
            }
            if (!stalled) {
                webSocket.request(1);
            }
            return null;
        }

        /** Finds each event's id and ingestTs without parsing the whole frame (the load client must stay cheap). */
        private void scan(String frame, long now) {
            for (int at = frame.indexOf("\"ev\":\"event\""); at >= 0; at = frame.indexOf("\"ev\":\"event\"", at + 1)) {
                String id = value(frame, "\"id\":\"", at, '"');
                long ingestTs = Long.parseLong(value(frame, "\"ingestTs\":", at, ','));
                if (ingestTs < from || ingestTs >= to) {
                    continue;
                }
                if (!ids.add(id)) {
                    duplicates.incrementAndGet();
                }
                latencies.add(now - ingestTs);
            }
        }

        private static String value(String frame, String key, int from, char end) {
            int start = frame.indexOf(key, from) + key.length();
            return frame.substring(start, frame.indexOf(end, start));
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            if (!stalled) {
                webSocket.request(1);
            }
            return null;
        }

    }

}
