package io.tickstock.perf.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The results directory: one JSON file per run, {@code SCENARIO-yyyyMMdd-HHmmss.json} (UTC). */
public final class ResultFiles {

    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ResultFiles() {
    }

    public static Path write(Path directory, RunResult result) {
        return write(directory, result.scenario(), result.startedAtMillis(), result);
    }

    /** Writes {@code result}, a run's record of any kind, as {@code directory/NAME-yyyyMMdd-HHmmss.json}. */
    public static Path write(Path directory, String name, long startedAtMillis, Object result) {
        Path file = directory.resolve(name + "-" + STAMP.format(Instant.ofEpochMilli(startedAtMillis)) + ".json");
        try {
            Files.createDirectories(directory);
            MAPPER.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static RunResult read(Path file) {
        return read(file, RunResult.class);
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The latest run of each scenario in {@code directory}, by scenario name. */
    public static Map<String, RunResult> latest(Path directory) {
        Map<String, RunResult> latest = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return latest;
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<RunResult> results = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(ResultFiles::read).sorted(Comparator.comparingLong(RunResult::startedAtMillis)).toList();
            results.forEach(r -> latest.put(r.scenario(), r));
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
