package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the examples of docs/protocol.md against a running gateway, so the document cannot drift from it.
 *
 * <p>A {@code session} block is a conversation: {@code > request} is sent, {@code < [frame]} must arrive (object by
 * object; events of one frame in any order, the cursor on whichever comes last; {@code "…"} matches any value),
 * {@code ~ connect PATH},
 * {@code ~ reconnect …}, {@code ~ closed CODE} are stage directions. The events a session expects are published from the document itself, just
 * before they are awaited (a resume's events before the reconnect, as they happened while the client was away).
 */
final class DocSessions {

    static final Path PROTOCOL = Path.of("../docs/protocol.md");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern BLOCK = Pattern.compile("```([a-z-]+)\\n(.*?)```", Pattern.DOTALL);
    private static final String ANY = "…";

    private final URI base;
    private final String topic;
    private final Set<String> published = new HashSet<>();

    DocSessions(URI base, String topic) {
        this.base = base;
        this.topic = topic;
    }

    /** The bodies of the fenced blocks of {@code kind} in docs/protocol.md, in document order. */
    static List<String> blocks(String kind) {
        try {
            Matcher matcher = BLOCK.matcher(Files.readString(PROTOCOL));
            List<String> blocks = new ArrayList<>();
            while (matcher.find()) {
                if (matcher.group(1).equals(kind)) {
                    blocks.add(matcher.group(2));
                }
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void replay(String session) {
        List<String> lines = session.lines().toList();
        WsTestClient client = null;
        String path = null;
        try {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("~ connect ")) {
                    path = line.substring("~ connect ".length()).strip();
                    client = WsTestClient.connect(base.resolve(path));
                } else if (line.startsWith("~ reconnect")) {
                    client.close();
                    publishReplayed(lines.subList(i + 1, lines.size()));
                    client = WsTestClient.connect(base.resolve(path));
                } else if (line.startsWith("~ closed ")) {
                    WsTestClient closing = client;
                    await().atMost(WAIT).until(closing::closed);
                    assertThat(closing.closeCode()).as(line).isEqualTo(Integer.parseInt(line.substring(9).strip()));
                } else if (line.startsWith("> ")) {
                    client.send(line.substring(2));
                } else if (line.startsWith("< ")) {
                    expectFrame(client, (ArrayNode) Json.mapper().readTree(line.substring(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a session line is not JSON", e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * The events between the next resume (or subscribe with a cursor) and its {@code resumed}: they happen while the
     * client is away.
     */
    private void publishReplayed(List<String> rest) throws IOException {
        boolean resuming = false;
        for (String line : rest) {
            if (line.startsWith("> ") && (line.contains("\"resume\"") || line.contains("\"cursor\":"))) {
                resuming = true;
            } else if (resuming && line.startsWith("< ")) {
                if (line.contains("\"resumed\"")) {
                    return;
                }
                for (JsonNode object : Json.mapper().readTree(line.substring(2))) {
                    publish(object);
                }
            }
        }
    }

    private void expectFrame(WsTestClient client, ArrayNode frame) {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode expected : frame) {
            String ev = expected.path("ev").asText();
            if (ev.equals("event")) {
                publish(expected);
                events.add(expected);
            } else if (ev.equals("stock_data")) {
                expectBatch(client, (ObjectNode) expected);
            } else {
                assertMatches(next(client), expected);
            }
        }
        // events of one frame may come from different partitions, whose order is not fixed; its cursor is on
        // whichever event comes last
        List<JsonNode> unmatched = new ArrayList<>(events.stream().map(DocSessions::withoutCursor).toList());
        JsonNode last = null;
        for (int i = 0; i < events.size(); i++) {
            JsonNode actual = next(client);
            last = actual;
            assertThat(actual.has("cursor")).as("only the last event of a frame carries the cursor: %s", actual)
                    .isEqualTo(i == events.size() - 1);
            Iterator<JsonNode> candidates = unmatched.iterator();
            boolean found = false;
            while (candidates.hasNext() && !found) {
                if (matches(withoutCursor(actual), candidates.next())) {
                    candidates.remove();
                    found = true;
                }
            }
            assertThat(found).as("%s is one of %s", actual, unmatched).isTrue();
        }
        if (last != null) {
            JsonNode cursor = events.get(events.size() - 1).path("cursor");
            assertThat(matches(last.path("cursor"), cursor)).as("the frame's cursor %s", last.path("cursor"))
                    .isTrue();
        }
    }

    private static JsonNode withoutCursor(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("cursor");
        return copy;
    }

    private static JsonNode next(WsTestClient client) {
        JsonNode next = client.next(WAIT);
        while (next.path("ev").asText().equals("heartbeat")) {
            next = client.next(WAIT);
        }
        return next;
    }

    /** A batch of the compatibility view: its items may spread over consecutive seconds. */
    private void expectBatch(WsTestClient client, ObjectNode expected) {
        Map<String, Direction> lists = Map.of("highs", Direction.UP, "lows", Direction.DOWN,
                "trending/up", Direction.UP, "trending/down", Direction.DOWN,
                "surging/up", Direction.UP, "surging/down", Direction.DOWN);
        ObjectNode seen = expected.deepCopy();
        lists.forEach((list, direction) -> {
            ((ArrayNode) seen.at("/" + list)).removeAll();
            for (JsonNode item : expected.at("/" + list)) {
                publish(eventOf(list, direction, item));
            }
        });
        while (!seen.equals(expected)) {
            JsonNode batch = next(client);
            assertThat(batch.path("ev").asText()).isEqualTo("stock_data");
            lists.keySet().forEach(list -> ((ArrayNode) seen.at("/" + list)).addAll((ArrayNode) batch.at("/" + list)));
            assertThat(seen.toString().length()).as("no more than %s", expected).isLessThanOrEqualTo(
                    expected.toString().length());
        }
    }

    private static JsonNode eventOf(String list, Direction direction, JsonNode item) {
        EventType type = list.startsWith("highs") ? EventType.HIGH : list.startsWith("lows") ? EventType.LOW
                : list.startsWith("trending") ? EventType.TREND : EventType.SURGE;
        MarketEvent event = new MarketEvent(1, item.path("id").asText(), type, item.path("symbol").asText(),
                direction, item.path("price").asDouble(), 1, Channel.TICK, item.path("time").asLong(),
                item.path("time").asLong(), Map.of(), null);
        ObjectNode node = Json.mapper().valueToTree(event);
        node.put("ev", "event");
        return node;
    }

    /** Publishes the event an expected object shows, once per run. */
    private void publish(JsonNode expected) {
        if (!expected.path("ev").asText().equals("event") || !published.add(expected.path("id").asText())) {
            return;
        }
        ObjectNode record = expected.deepCopy();
        record.remove(List.of("ev", "cursor", "snapshot", "gatewayReadUs"));
        try {
            TestEvents.publish(topic, Json.mapper().treeToValue(record, MarketEvent.class));
        } catch (IOException e) {
            throw new UncheckedIOException("an event of the document is not an event record", e);
        }
    }

    private static void assertMatches(JsonNode actual, JsonNode expected) {
        assertThat(matches(actual, expected)).as("expected %s%n but the gateway sent %s", expected, actual).isTrue();
    }

    /** Equal, where {@code "…"} in the expected object matches any value. */
    static boolean matches(JsonNode actual, JsonNode expected) {
        if (expected.isTextual() && expected.asText().equals(ANY)) {
            return actual != null && !actual.isMissingNode();
        }
        if (expected.isObject()) {
            if (!actual.isObject() || actual.size() != expected.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!matches(actual.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
