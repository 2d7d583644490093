package io.tickstock.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hostile WebSocket clients for a gateway with auth on, each action with the answer the protocol promises
 * (docs/protocol.md): on each connection two actions before auth (401 each), then a mix of garbage, wrong shapes,
 * unknown actions, bad patterns and cursors, binary frames, pings and valid requests — at most 40 messages, below
 * the rate limit's burst, so every one is answered — and, on some, a last action that closes: an oversized message
 * (413), 1,001 patterns (405, stays open), a bad token on a fresh connection (402), or silence until the auth
 * timeout (404). Flood connections send far above the rate limit: 429, of which only the count is known.
 */
final class HostileClients {

    /** What a run sent, what the protocol promised for it and what came back. */
    record Outcome(int actions, Map<Integer, Integer> expectedErrors, Map<Integer, Integer> receivedErrors,
            int floodMessages, List<String> mismatches) {
    }

    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final int FLOOD = 200;

    private final URI uri;
    private final String token;
    private final SplittableRandom random;
    private final Map<Integer, Integer> expected = new TreeMap<>();
    private final Map<Integer, Integer> received = new TreeMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int actions;
    private int floodMessages;

    HostileClients(URI uri, String token, long seed) {
        this.uri = uri;
        this.token = token;
        this.random = new SplittableRandom(seed);
    }

    /** An action, the answer it must get ({@code ev} and, for errors, code) and whether it closes the connection. */
    private record Action(String text, byte[] binary, String answer, int code) {

        static Action text(String text, String answer) {
            return new Action(text, null, answer, 0);
        }

        static Action error(String text, int code) {
            return new Action(text, null, "error", code);
        }
    }

    /** Runs connections of actions, {@code parallel} at a time, until at least {@code atLeast} actions were sent. */
    Outcome attack(int atLeast, int parallel) throws Exception {
        List<List<Action>> scripts = new ArrayList<>();
        int planned = 0;
        while (planned < atLeast) {
            List<Action> script = script();
            scripts.add(script);
            planned += script.size();
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<Action> script : scripts) {
                runs.add(pool.submit(() -> run(script)));
            }
            for (int i = 0; i < 10; i++) {
                runs.add(pool.submit(this::silentUntilTimeout));
                runs.add(pool.submit(this::badToken));
                runs.add(pool.submit(this::flood));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        synchronized (this) {
            return new Outcome(actions, Map.copyOf(expected), Map.copyOf(received), floodMessages,
                    List.copyOf(mismatches));
        }
    }

    private List<Action> script() {
        List<Action> script = new ArrayList<>();
        script.add(Action.error("{\"action\":\"subscribe\",\"params\":\"high.*\"}", 401));
        script.add(Action.error("{\"action\":\"ping\"}", 401));
        script.add(Action.text("{\"action\":\"auth\",\"params\":\"" + token + "\"}", "status"));
        for (int i = 0; i < 30; i++) {
            script.add(hostile());
        }
        switch (random.nextInt(4)) {
            case 0 -> script.add(Action.error("{\"action\":\"ping\",\"params\":\"" + "x".repeat(17_000) + "\"}", 413));
            case 1 -> script.add(Action.error("{\"action\":\"subscribe\",\"params\":\"" + manyPatterns() + "\"}",
                    405));
            default -> script.add(Action.text("{\"action\":\"ping\"}", "pong"));
        }
        return script;
    }

    private Action hostile() {
        return switch (random.nextInt(11)) {
            case 0 -> Action.error(garbage(), 400);
            case 1 -> Action.error("[{\"action\":\"ping\"}]", 400);
            case 2 -> Action.error("{\"action\":\"launch\",\"params\":\"all\"}", 400);
            case 3 -> Action.error("{\"action\":\"subscribe\",\"params\":\"rocket.AAPL\"}", 400);
            case 4 -> Action.error("{\"action\":\"subscribe\",\"params\":\"high.a$pl\"}", 400);
            case 5 -> Action.error("{\"action\":\"resume\",\"params\":\"not-a-cursor\"}", 400);
            case 6 -> Action.error("{}", 400);
            case 7 -> new Action(null, bytes(64), "error", 400);
            case 8 -> Action.text("{\"action\":\"ping\"}", "pong");
            case 9 -> Action.text("{\"action\":\"subscribe\",\"params\":\"high.ZQ" + random.nextInt(1000)
                    + "\",\"snapshot\":false}", "status");
            default -> Action.text("{\"action\":\"unsubscribe\",\"params\":\"low.ZQ" + random.nextInt(1000)
                    + "\"}", "status");
        };
    }

    private String garbage() {
        // printable noise: JDK WebSocket text frames must be valid UTF-16, a JSON parser sees nonsense either way
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.charAt(0) == '{' || text.charAt(0) == '[' ? "!" + text : text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String manyPatterns() {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i <= 1_000; i++) {
            params.append(i == 0 ? "" : ",").append("high.P").append(i);
        }
        return params.toString();
    }

    private void run(List<Action> script) {
        try (WsTestClient client = connect()) {
            for (Action action : script) {
                if (action.binary() != null) {
                    client.sendBinary(action.binary());
                } else {
                    client.send(action.text());
                }
                JsonNode answer = answer(client);
                record(action.answer(), action.code(), answer, action.text() == null ? "binary frame"
                        : action.text().substring(0, Math.min(60, action.text().length())));
            }
        }
    }

    private void silentUntilTimeout() {
        try (WsTestClient client = connect()) {
            record("error", 404, answer(client), "silence");
        }
    }

    private void badToken() {
        try (WsTestClient client = connect()) {
            client.send("{\"action\":\"auth\",\"params\":\"not-" + token + "\"}");
            record("error", 402, answer(client), "bad token");
        }
    }

    /**
     * Far above the rate limit: what exceeds it is dropped, and one 429 a second at most says so, so only the count
     * of 429s is known. A marker subscription, repeated until the gateway admits and acks it, shows that it has
     * handled every message before it (a session's messages are handled in order).
     */
    private void flood() {
        try (WsTestClient client = connect()) {
            client.send("{\"action\":\"auth\",\"params\":\"" + token + "\"}");
            record("status", 0, answer(client), "auth");
            for (int i = 0; i < FLOOD; i++) {
                client.send("{\"action\":\"ping\"}");
            }
            int[] sent = {FLOOD};
            await().atMost(ANSWER).pollInterval(Duration.ofMillis(200)).until(() -> {
                client.send("{\"action\":\"subscribe\",\"params\":\"high.FLOODEND\"}");
                sent[0]++;
                return client.received().stream().anyMatch(node -> node.path("subscriptions").toString()
                        .contains("high.FLOODEND"));
            });
            synchronized (this) {
                actions += sent[0];
                floodMessages += sent[0];
            }
            client.received().stream().filter(node -> node.path("ev").asText().equals("error"))
                    .forEach(error -> count(received, error.path("code").asInt()));
        }
    }

    private WsTestClient connect() {
        WsTestClient client = WsTestClient.connect(uri);
        JsonNode connected = client.next("status", ANSWER);
        if (!connected.path("auth").asText().equals("required")) {
            throw new IllegalStateException("the gateway must require auth for this attack: " + connected);
        }
        return client;
    }

    /** The next answer, past events and heartbeats (a valid subscription may match live events). */
    private static JsonNode answer(WsTestClient client) {
        while (true) {
            JsonNode next = client.next(ANSWER);
            String ev = next.path("ev").asText();
            if (!ev.equals("event") && !ev.equals("heartbeat")) {
                return next;
            }
        }
    }

    private synchronized void record(String ev, int code, JsonNode answer, String what) {
        actions++;
        if (ev.equals("error")) {
            count(expected, code);
        }
        if (answer.path("ev").asText().equals("error")) {
            count(received, answer.path("code").asInt());
        }
        if (!answer.path("ev").asText().equals(ev) || answer.path("code").asInt(0) != code) {
            mismatches.add(what + ": expected " + ev + (code == 0 ? "" : " " + code) + ", got " + answer);
        }
    }

    private synchronized void count(Map<Integer, Integer> counts, int code) {
        counts.merge(code, 1, Integer::sum);
    }
}
