package io.tickstock.tools.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints one line per hop of a traced symbol and measures each hop: provider -> ingest (providerTs to ingestTs),
 * ingest -> raw topic (ingestTs to when the trace read it), ingest -> detected (ingestTs to detectedAt), detected ->
 * committed in tickstock.events (detectedAt to when the trace read it: read_committed, so this includes the EOS
 * commit), and committed -> client (to when the gateway's frame arrived). All times are wall clocks of the machines
 * involved: on one host they compare exactly, across hosts they are as good as the hosts' clock sync.
 */
public final class HopLog {

    static final String HEADER = String.format("%-12s  %-24s  %-46s  %s", "TIME", "HOP", "WHAT", "LATENCY");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final int REMEMBERED = 10_000;

    private final PrintStream out;
    /** When each event id was read from tickstock.events, to measure the gateway hop against. */
    private final Map<String, Long> committedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    public HopLog(PrintStream out) {
        this.out = out;
    }

    public synchronized void header() {
        out.println(HEADER);
    }

    /** A record of the symbol on a raw topic. */
    public synchronized void raw(String topic, int partition, long offset, IngestedMessage in, long seenAt) {
        long providerTs = in.msg().eventTime();
        print(seenAt, shortTopic(topic) + "[" + partition + "]@" + offset, in.msg().identity(),
                "provider->ingest " + ms(in.ingestTs() - providerTs) + ", ingest->raw " + ms(seenAt - in.ingestTs()));
    }

    /** An event of the symbol on tickstock.events. */
    public synchronized void event(String topic, int partition, long offset, MarketEvent event, long seenAt) {
        committedAt.put(event.id(), seenAt);
        long ingestTs = event.source().ingestTs();
        String from = event.source().topic() == null ? ""
                : " <- " + shortTopic(event.source().topic()) + "[" + event.source().partition() + "]@"
                        + event.source().offset();
        print(seenAt, shortTopic(topic) + "[" + partition + "]@" + offset,
                event.type().wireName() + " P" + event.priority() + " " + event.price() + " " + shortId(event.id()) + from,
                "ingest->detected " + ms(event.detectedAt() - ingestTs) + ", detected->committed "
                        + ms(seenAt - event.detectedAt()));
    }

    /** An event object the gateway sent to the trace's WebSocket client. */
    public synchronized void delivered(JsonNode event, long receivedAt) {
        String id = event.path("id").asText();
        String what = event.path("type").asText() + " " + shortId(id);
        if (event.path("snapshot").asBoolean(false)) {
            print(receivedAt, "gateway", what + " (snapshot)", "latest before the trace started");
            return;
        }
        Long committed = committedAt.get(id);
        long ingestTs = event.at("/source/ingestTs").asLong();
        String gatewayHop = committed == null ? "" : "committed->client " + ms(receivedAt - committed) + ", ";
        print(receivedAt, "gateway", what, gatewayHop + "ingest->client " + ms(receivedAt - ingestTs));
    }

    /** Something the trace itself has to say (connection state, errors from the gateway). */
    public synchronized void note(long at, String hop, String message) {
        print(at, hop, message, "");
    }

    private void print(long at, String hop, String what, String latency) {
        out.println(String.format("%-12s  %-24s  %-46s  %s", CLOCK.format(Instant.ofEpochMilli(at)), hop, what,
                latency).stripTrailing());
        out.flush();
    }

    private static String shortTopic(String topic) {
        return topic.startsWith("tickstock.") ? topic.substring("tickstock.".length()) : topic;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? "id " + id.substring(0, 12) : "id " + id;
    }

    private static String ms(long millis) {
        return millis + " ms";
    }
}
