package io.tickstock.perf.launch;

import io.tickstock.stack.sizing.Sizing;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stack of a run's own, as perf and chaos start one: the simulator re-sending a share of its messages, sized as
 * asked, the services' JVMs recording flights with {@code jfr}. What it is given and what the run records of it.
 *
 * @param duplicates the share of messages the simulator re-sends, as the user wrote it ({@code 0.05})
 */
record FreshStack(String duplicates, Sizing sizing, boolean jfr) {

    /** What a run on a stack it did not start records: nobody knows how that one was configured. */
    static final String REUSED = "the running stack (reused as it was)";

    private static final Pattern FRACTION = Pattern.compile("0|1|0?[.][0-9]+");
    // the service settings a user may override in the environment (docs/operations.md), never auth (secrets) or ports
    private static final Pattern SERVICE_SETTING =
            Pattern.compile("(TICKSTOCK_(GATEWAY|INGEST|PROCESSOR)_|KAFKA_STREAMS_).*");
    private static final Pattern NOT_RECORDED = Pattern.compile(".*(_AUTH_|_PORT=).*");

    FreshStack {
        if (!FRACTION.matcher(duplicates).matches()) {
            throw new IllegalArgumentException("--duplicates must be a fraction 0 … 1, not '" + duplicates + "'.");
        }
    }

    /**
     * The environment of the stack in {@code home}: the user's, with the simulator's duplicates, a length that no run
     * outlasts (the harness ends the run; the profile's own length would end a long ramp early) unless the user chose
     * one, and the flight recorder's option on top of the user's JVM options.
     */
    Map<String, String> environment(Map<String, String> user, Path home) {
        Map<String, String> env = new HashMap<>(user);
        env.put("TICKSTOCK_HOME", home.toString());
        env.put("TICKSTOCK_INGEST_SIMULATOR_DUPLICATE_RATE", duplicates);
        if (user.getOrDefault("TICKSTOCK_INGEST_SIMULATOR_DURATION", "").isEmpty()) {
            env.put("TICKSTOCK_INGEST_SIMULATOR_DURATION", "1d");
        }
        if (jfr) {
            env.put("TICKSTOCK_JAVA_OPTS", user.getOrDefault("TICKSTOCK_JAVA_OPTS", "")
                    + " -XX:StartFlightRecording=filename=" + flightRecordings(home)
                    + "/,settings=profile,dumponexit=true");
        }
        return env;
    }

    static Path flightRecordings(Path home) {
        return home.resolve("jfr");
    }

    /** What the user is told when it starts: the duplicates and the sizing. */
    String summary() {
        return "injected duplicates: " + duplicates + (sizing == Sizing.LOCAL ? "" : ", " + sizingNote());
    }

    /**
     * The run's record of how its stack was started. The report reads it back (its sizing, JFR, the duplicates and
     * the settings after "configured:", see {@code RunRules.configuredIn}): these words are a format.
     */
    String note(Map<String, String> user) {
        StringBuilder note = new StringBuilder("a fresh stack started for this run (injected duplicates ")
                .append(duplicates);
        if (sizing != Sizing.LOCAL) {
            note.append(", ").append(sizingNote());
        }
        note.append(')');
        if (jfr) {
            note.append(", JFR on");
        }
        String javaOptions = user.getOrDefault("TICKSTOCK_JAVA_OPTS", "");
        if (!javaOptions.isEmpty()) {
            note.append(", JVM options: ").append(javaOptions);
        }
        String configured = configured(user);
        if (!configured.isEmpty()) {
            note.append(", configured: ").append(configured);
        }
        return note.toString();
    }

    private String sizingNote() {
        return sizing == Sizing.CONTAINERS
                ? "Kubernetes memory sizing enforced: every component in its container under its k8s/base limit"
                : "Kubernetes memory sizing";
    }

    /** The service settings {@code user} overrides, {@code NAME=VALUE} in name order, separated by spaces. */
    static String configured(Map<String, String> user) {
        return user.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .filter(setting -> SERVICE_SETTING.matcher(setting).matches())
                .filter(setting -> !NOT_RECORDED.matcher(setting).matches())
                .sorted().collect(Collectors.joining(" "));
    }
}
