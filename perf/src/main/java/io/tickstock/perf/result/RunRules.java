package io.tickstock.perf.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a run was judged by, as it ran: what {@link Rules#differences} compares with today's defaults. Results
 * written before runs recorded them (issue 15) have none; theirs are derived from what their configuration says, the
 * rest unknown.
 *
 * @param kind {@link Rules#PERF} or {@link Rules#CHAOS}: whose defaults these are compared with
 * @param settings by the names of {@link Rules#defaults}; a null value is unknown (not recorded by an older result)
 * @param configured the stack's settings the run overrode ({@code NAME=VALUE}, from how the stack was started), empty
 *     when none; null when the result does not say
 */
public record RunRules(String kind, Map<String, Double> settings, List<String> configured) {

    public RunRules {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // null values: unknown
        configured = configured == null ? null : List.copyOf(configured);
    }

    private static final String FRESH = "a fresh stack";
    private static final String CONFIGURED = ", configured: ";

    /**
     * The overrides named in a stack note as ./tickstock perf writes it ("a fresh stack started for this run (…),
     * configured: NAME=VALUE NAME=VALUE"; values without spaces); null for a stack the run did not start, whose
     * settings nobody recorded.
     */
    public static List<String> configuredIn(String stackNote) {
        if (stackNote == null || !stackNote.startsWith(FRESH)) {
            return null;
        }
        int at = stackNote.lastIndexOf(CONFIGURED);
        return at < 0 ? List.of() : List.of(stackNote.substring(at + CONFIGURED.length()).trim().split("\\s+"));
    }
}
