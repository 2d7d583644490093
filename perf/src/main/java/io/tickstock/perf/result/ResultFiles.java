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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results directory: one JSON file per run, {@code SCENARIO-yyyyMMdd-HHmmss.json} (UTC); chaos runs in
 * {@code chaos/}, runs kept apart from their scenario's record in other subdirectories.
 */
public final class ResultFiles {

    /** The subdirectory of the chaos runs' results. */
    public static final String CHAOS = "chaos";
    /** The file in which a set kept apart says why it is (which setting its runs tried, what was decided). */
    public static final String SET_NOTE = "README.md";
    private static final List<String> VERDICTS = List.of(RunResult.PASSED, RunResult.FAILED);

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

    /**
     * Every perf run on record, oldest first: the files at the top of {@code results} (each scenario's record) and
     * those in its subdirectories but {@code chaos/} (runs kept apart, see {@link Recorded}). A file that cannot be
     * read, or that is not a run's result, fails the whole read with its name: a report never drops a run unseen.
     */
    public static List<Recorded<RunResult>> runs(Path results) {
        List<Recorded<RunResult>> runs = new ArrayList<>();
        for (Path file : files(results, null)) {
            runs.add(new Recorded<>(file, Recorded.SCENARIO_RECORD, run(file)));
        }
        for (Path set : directories(results)) {
            if (!set.getFileName().toString().equals(CHAOS)) {
                for (Path file : files(set, SET_NOTE)) {
                    runs.add(new Recorded<>(file, set.getFileName().toString(), run(file)));
                }
            }
        }
        runs.sort(Comparator.comparingLong(r -> r.result().startedAtMillis()));
        return runs;
    }

    /** The latest run of each scenario's record (the runs not kept apart), by scenario; {@code runs} oldest first. */
    public static Map<String, RunResult> latestOfRecord(List<Recorded<RunResult>> runs) {
        Map<String, RunResult> latest = new LinkedHashMap<>();
        runs.stream().filter(r -> !r.keptApart()).forEach(r -> latest.put(r.result().scenario(), r.result()));
        return latest;
    }

    /** Every chaos run on record in {@code results/chaos/}, oldest first; unreadable files fail as for runs. */
    public static List<Recorded<ChaosResult>> chaosRuns(Path results) {
        Path directory = results.resolve(CHAOS);
        List<Recorded<ChaosResult>> runs = new ArrayList<>();
        for (Path file : Files.isDirectory(directory) ? files(directory, null) : List.<Path>of()) {
            ChaosResult run = read(file, ChaosResult.class);
            require(file, run.scenario() != null && run.startedAtMillis() > 0 && run.targets() != null
                    && VERDICTS.contains(String.valueOf(run.verdict())),
                    "a chaos result with its scenario, start, verdict and targets");
            runs.add(new Recorded<>(file, CHAOS, run));
        }
        runs.sort(Comparator.comparingLong(r -> r.result().startedAtMillis()));
        return runs;
    }

    private static RunResult run(Path file) {
        RunResult run = read(file);
        require(file, run.scenario() != null && run.startedAtMillis() > 0 && run.configuration() != null
                && VERDICTS.contains(String.valueOf(run.verdict())),
                "a run's result with its scenario, start, configuration and verdict");
        return run;
    }

    private static void require(Path file, boolean holds, String expected) {
        if (!holds) {
            throw new IllegalStateException("cannot read " + file + ": it is not " + expected);
        }
    }

    /**
     * The result files of {@code directory}, by name: anything but a result's JSON and the {@code note} the directory
     * may hold is an error, not a skip.
     */
    private static List<Path> files(Path directory, String note) {
        List<Path> files = list(directory).stream().filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().equals(note)).toList();
        files.stream().filter(f -> !f.getFileName().toString().endsWith(".json")).findFirst().ifPresent(f -> {
            throw new IllegalStateException(f + " is not a result file (*.json): move it out of " + directory);
        });
        return files;
    }

    private static List<Path> directories(Path directory) {
        return list(directory).stream().filter(Files::isDirectory).toList();
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
