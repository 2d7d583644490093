package io.tickstock.perf.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The fault plans of {@code ./tickstock chaos} (issue 8, SPEC §10). */
public enum ChaosScenario {

    /** SIGKILL of the processor, the ingest service and the gateway, each as often, in a random order. */
    KILL("kill"),
    /** The broker stopped for the outage, then started again. */
    BROKER("broker"),
    /** SIGTERM of each service once, in a random order. */
    SIGTERM("sigterm"),
    /** All of the above in one run, the broker stop and the SIGTERMs at random places among the kills. */
    ALL("all"),
    /**
     * SIGKILL of the processor and the ingest service, each as often (at least twice), in a random order, under
     * injected duplicates; the run's dedup is then audited by id ({@code io.tickstock.perf.dedup}).
     */
    DEDUP("dedup");

    /** The services a fault may hit; the broker only by the broker scenario. */
    public static final List<String> SERVICES = List.of("processor", "ingest", "gateway");
    /** The services whose restarts dedup must survive: the one that re-sends input and the one that drops it. */
    public static final List<String> DEDUP_TARGETS = List.of("processor", "ingest");
    private static final int DEDUP_KILLS_EACH = 2;

    private final String id;

    ChaosScenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ChaosScenario of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ChaosScenario scenario : values()) {
            if (scenario.id.equals(wanted)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown chaos scenario '" + name
                + "'; choose kill, broker, sigterm, all or dedup");
    }

    /** SIGKILLs when {@code --kills} is not given: 7 per service, or 3 each of processor and ingest for dedup. */
    public int defaultKills() {
        return this == DEDUP ? 6 : 21;
    }

    /**
     * The faults in the order they are inflicted.
     *
     * @param kills SIGKILLs in {@code kill}, {@code all} and {@code dedup}, spread evenly over the services they hit
     *     (rounded up to a multiple of their number; dedup: at least two each)
     */
    public List<Fault> faults(Random random, int kills) {
        List<Fault> faults = new ArrayList<>();
        if (this == KILL || this == ALL || this == DEDUP) {
            List<String> targets = this == DEDUP ? DEDUP_TARGETS : SERVICES;
            int count = this == DEDUP ? Math.max(kills, DEDUP_KILLS_EACH * targets.size()) : kills;
            for (int i = 0; i < count || i % targets.size() != 0; i++) {
                faults.add(Fault.kill(targets.get(i % targets.size())));
            }
            Collections.shuffle(faults, random);
        }
        if (this == SIGTERM || this == ALL) {
            List<Fault> terms = new ArrayList<>(SERVICES.stream().map(Fault::sigterm).toList());
            Collections.shuffle(terms, random);
            terms.forEach(term -> faults.add(random.nextInt(faults.size() + 1), term));
        }
        if (this == BROKER || this == ALL) {
            faults.add(random.nextInt(faults.size() + 1), Fault.brokerStop());
        }
        return faults;
    }
}
