package io.tickstock.perf.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.Feed;
import io.tickstock.model.serde.Json;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The ingest service's operator API (docs/operations.md, "Operator API"): drives the simulator for a run. */
public final class IngestControl {

    /**
     * What the simulator says about its current run: messages sent and injected duplicates, per feed.
     *
     * @param messagesPerMinute the profile's rate at ×1, duplicates not counted
     * @param maxLagMillis the most any message of the run went out behind its schedule (-1: the service does not say)
     */
    public record SimulatorCounts(String profile, double multiplier, boolean running, boolean finished,
            Map<Feed, Long> sent, Map<Feed, Long> duplicates, long lagMillis, long maxLagMillis,
            long messagesPerMinute) {

        public long sentTotal() {
            return sent.values().stream().mapToLong(Long::longValue).sum();
        }

        public long duplicatesTotal() {
            return duplicates.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final URI root;

    public IngestControl(URI root) {
        this.root = root;
    }

    /** Sets the simulator's speed (1 … 20), for the running market and the next one. */
    public void multiplier(double multiplier) {
        Http.put(root.resolve("/simulator/rate"), "{\"multiplier\":" + multiplier + "}");
    }

    /** Starts a simulator run of {@code profile}, stopping whatever source ran. */
    public void startSimulator(String profile) {
        Http.put(root.resolve("/source"), "{\"source\":\"simulator\",\"profile\":\"" + profile + "\"}");
    }

    /** Stops the live source (a replay is not touched). */
    public void stopSource() {
        Http.post(root.resolve("/source/stop"));
    }

    public JsonNode status() {
        try {
            return Json.mapper().readTree(Http.get(root.resolve("/status")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ingest status is not JSON: " + e.getMessage(), e);
        }
    }

    /** Messages Kafka acknowledged, per feed, since the service started. */
    public Map<Feed, Long> published() {
        return perFeed(status().path("published"), "published");
    }

    public long publishedTotal() {
        return published().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The simulator's run; all counts 0 when it never ran (the status has no simulator then). */
    public SimulatorCounts simulator() {
        JsonNode simulator = status().path("simulator");
        if (simulator.isMissingNode() || simulator.isNull()) {
            Map<Feed, Long> none = new EnumMap<>(Feed.class);
            for (Feed feed : Feed.values()) {
                none.put(feed, 0L);
            }
            return new SimulatorCounts("", 0, false, false, none, none, 0, -1, 0);
        }
        return new SimulatorCounts(simulator.path("profile").asText(""), simulator.path("multiplier").asDouble(0),
                simulator.path("running").asBoolean(false), simulator.path("finished").asBoolean(false),
                perFeed(simulator.path("sentByFeed"), "simulator.sentByFeed"),
                perFeed(simulator.path("duplicatesByFeed"), "simulator.duplicatesByFeed"),
                simulator.path("lagMillis").asLong(0), simulator.path("maxLagMillis").asLong(-1),
                simulator.path("messagesPerMinute").asLong(0));
    }

    /**
     * The stretch of its schedule the simulator runs on now; empty when it does not run or does not say (an ingest
     * service from before it did).
     */
    public Optional<SimulatorSchedule.Stretch> scheduleNow() {
        return stretch(status().path("simulator").path("schedule"));
    }

    static Optional<SimulatorSchedule.Stretch> stretch(JsonNode schedule) {
        if (!schedule.isObject()) {
            return Optional.empty();
        }
        for (String field : new String[] {"start", "time", "wallMillis", "multiplier"}) {
            if (!schedule.path(field).isNumber()) {
                throw new IllegalStateException("the simulator's schedule has no number '" + field + "': " + schedule);
            }
        }
        return Optional.of(new SimulatorSchedule.Stretch(schedule.path("start").asLong(),
                schedule.path("time").asLong(), schedule.path("wallMillis").asDouble(),
                schedule.path("multiplier").asDouble()));
    }

    /** A count per feed, every feed present: a count the status does not have is an error, never a zero. */
    private Map<Feed, Long> perFeed(JsonNode counts, String field) {
        Map<Feed, Long> map = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            JsonNode count = counts.path(feed.code());
            if (!count.isNumber()) {
                throw new IllegalStateException("the ingest status (" + root.resolve("/status") + ") has no "
                        + field + "." + feed.code() + ": the run cannot be reconciled without it");
            }
            map.put(feed, count.asLong());
        }
        return map;
    }
}
