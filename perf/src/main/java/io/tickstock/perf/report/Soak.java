package io.tickstock.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import io.tickstock.perf.result.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The endurance verdict (issue 8: a compressed "24-hour" run): the latest {@code steady_state} run of at least an
 * hour, judged by its resource timeline — each service's memory after warm-up may grow by at most 5 % — and by its
 * integrity (nothing lost, nothing twice). Read from the result's JSON as a tree, so that series a later harness
 * adds to the timeline (a heap series, {@code heapMb}) are judged too. The rules (warm-up, window, growth) are
 * {@link Rules}' of today; the verdict carries them, and says where the run ran under others or did not record its.
 */
final class Soak {

    static final double MIN_SECONDS = Rules.SOAK_MIN_SECONDS;
    static final double WARMUP_SECONDS = Rules.SOAK_WARMUP_SECONDS;
    static final double WINDOW_SECONDS = Rules.SOAK_WINDOW_SECONDS;
    static final double MAX_GROWTH = Rules.SOAK_GROWTH.limit() / 100;
    static final List<String> SERVICES = List.of("ingest", "processor", "gateway");
    private static final String SOAK = "soak.";

    /** One series of one service: its median over the window after warm-up, and over the run's last window. */
    record Growth(String series, String service, double afterWarmupMb, double endMb) {

        double ratio() {
            return afterWarmupMb <= 0 ? 0 : (endMb - afterWarmupMb) / afterWarmupMb;
        }

        boolean ok() {
            return Rules.SOAK_GROWTH.holds(ratio() * 100);
        }
    }

    /**
     * The judged run; {@code growth} empty when its timeline is too short to judge.
     *
     * @param judgedBy the soak's settings it was judged by, by name ({@code soak.warmupSeconds}, …)
     * @param ruleNotes where those are not the ones the run recorded as it ran, or it recorded none: each setting
     *     and its changes, with when they were made against when the run started
     */
    record Verdict(Path file, String startedAt, double minutes, String verdict, long lost, long duplicated,
            String stack, String command, List<Growth> growth, List<String> unsampled, Map<String, Double> judgedBy,
            List<String> ruleNotes) {

        boolean go() {
            return "PASSED".equals(verdict) && lost == 0 && duplicated == 0 && !growth.isEmpty()
                    && growth.stream().allMatch(Growth::ok);
        }
    }

    private Soak() {
    }

    /** The latest steady_state run in {@code results} with at least an hour of input, judged; empty if none. */
    static Optional<Verdict> latest(Path results) {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(results)) {
            List<Path> candidates = files.filter(f -> f.getFileName().toString().matches("steady_state-.*\\.json"))
                    .sorted().toList();
            for (int i = candidates.size() - 1; i >= 0; i--) {
                JsonNode run = Json.mapper().readTree(candidates.get(i).toFile());
                if (inputSeconds(run) >= MIN_SECONDS) {
                    return Optional.of(judge(candidates.get(i), run));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results in " + results, e);
        }
    }

    private static double inputSeconds(JsonNode run) {
        double planned = 0;
        for (JsonNode phase : run.path("configuration").path("phases")) {
            planned += phase.path("seconds").asDouble();
        }
        JsonNode timeline = run.path("timeline");
        double reached = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).path("t").asDouble();
        return Math.min(planned, reached + 60); // a run cut short is judged by what it reached
    }

    static Verdict judge(Path file, JsonNode run) {
        long lost = 0;
        long duplicated = 0;
        for (JsonNode group : run.path("groups")) {
            if (!group.path("stalls").asBoolean()) {
                lost += group.path("lost").asLong();
                duplicated += group.path("duplicated").asLong();
            }
        }
        List<Growth> growth = new ArrayList<>();
        List<String> unsampled = new ArrayList<>();
        for (String series : List.of("rssMb", "heapMb")) {
            List<Growth> found = growth(run.path("timeline"), series);
            if (found.isEmpty()) {
                unsampled.add(series);
            }
            growth.addAll(found);
        }
        Map<String, Double> judgedBy = new LinkedHashMap<>();
        Rules.defaults(Rules.PERF).stream().filter(setting -> setting.name().startsWith(SOAK))
                .forEach(setting -> judgedBy.put(setting.name(), setting.value()));
        return new Verdict(file, run.path("startedAt").asText(), inputSeconds(run) / 60, run.path("verdict").asText(),
                lost, duplicated, run.path("configuration").path("stack").asText(),
                run.path("configuration").path("command").asText(), growth, unsampled, judgedBy,
                ruleNotes(run, judgedBy));
    }

    /**
     * Where the rules the run is judged by are not the ones it ran under: each recorded setting that differs, or,
     * for a run that recorded none (written before issue 15), every change of a soak setting's default, with when it
     * was made against the run's start.
     */
    private static List<String> ruleNotes(JsonNode run, Map<String, Double> judgedBy) {
        JsonNode recorded = run.path("rules").path("settings");
        List<String> notes = new ArrayList<>();
        if (!judgedBy.keySet().stream().allMatch(name -> recorded.path(name).isNumber())) {
            notes.add("the run recorded no soak rules (a result written before issue 15): judged by today's");
            long started = Instant.parse(run.path("startedAt").asText()).toEpochMilli();
            judgedBy.keySet().forEach(name -> notes.addAll(Rules.changesOf(name, started)));
            return notes;
        }
        judgedBy.forEach((name, value) -> {
            if (Double.compare(recorded.path(name).asDouble(), value) != 0) {
                notes.add(name + ": the run recorded " + recorded.path(name).asDouble() + ", judged by " + value);
            }
        });
        return notes;
    }

    private static List<Growth> growth(JsonNode timeline, String series) {
        Map<String, List<Double>> early = new LinkedHashMap<>();
        Map<String, List<Double>> late = new LinkedHashMap<>();
        double end = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).path("t").asDouble();
        if (end < WARMUP_SECONDS + 2 * WINDOW_SECONDS) {
            return List.of();
        }
        for (JsonNode point : timeline) {
            double t = point.path("t").asDouble();
            Iterator<Map.Entry<String, JsonNode>> values = point.path(series).fields();
            while (values.hasNext()) {
                Map.Entry<String, JsonNode> value = values.next();
                if (!SERVICES.contains(value.getKey()) || value.getValue().asDouble() <= 0) {
                    continue;
                }
                if (t >= WARMUP_SECONDS && t < WARMUP_SECONDS + WINDOW_SECONDS) {
                    early.computeIfAbsent(value.getKey(), k -> new ArrayList<>()).add(value.getValue().asDouble());
                } else if (t > end - WINDOW_SECONDS) {
                    late.computeIfAbsent(value.getKey(), k -> new ArrayList<>()).add(value.getValue().asDouble());
                }
            }
        }
        List<Growth> growth = new ArrayList<>();
        for (String service : SERVICES) {
            if (early.containsKey(service) && late.containsKey(service)) {
                growth.add(new Growth(series, service, median(early.get(service)), median(late.get(service))));
            }
        }
        return growth;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
