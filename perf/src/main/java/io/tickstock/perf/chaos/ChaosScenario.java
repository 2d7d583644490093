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
    ALL("all");

    /** The services a fault may hit; the broker only by the broker scenario. */
    public static final List<String> SERVICES = List.of("processor", "ingest", "gateway");

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
        throw new IllegalArgumentException("unknown chaos scenario '" + name + "'; choose kill, broker, sigterm or all");
    }

    /**
     * The faults in the order they are inflicted.
     *
     * @param kills SIGKILLs in {@code kill} and {@code all}, spread evenly over the services (rounded up to a
     *     multiple of three)
     */
    public List<Fault> faults(Random random, int kills) {
        List<Fault> faults = new ArrayList<>();
        if (this == KILL || this == ALL) {
            for (int i = 0; i < kills; i++) {
                faults.add(Fault.kill(SERVICES.get(i % SERVICES.size())));
            }
            while (faults.size() % SERVICES.size() != 0) {
                faults.add(Fault.kill(SERVICES.get(faults.size() % SERVICES.size())));
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
