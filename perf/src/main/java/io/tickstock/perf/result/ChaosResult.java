package io.tickstock.perf.result;

import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.MachineInfo;
import io.tickstock.perf.measure.ResourceSampler;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one chaos run, as written to {@code perf/results/chaos/SCENARIO-TIMESTAMP.json}. Times are epoch
 * milliseconds or durations in milliseconds, restore times seconds.
 *
 * @param verdict {@code PASSED} when every client got every event it was owed exactly once, no event id was
 *     committed twice, every service came back within its bound after every fault ({@link Rules}: the processor
 *     SPEC §10's 10 s after a kill -9 or a broker restart, any other the run's healthy timeout), and every target
 *     held; {@code FAILED} otherwise, with the reasons
 * @param faults each fault, and how the stack came back from it
 * @param recovery per service, the time from a fault to the service being ready again, over the faults that hit it
 * @param targets SPEC §10's reliability targets, measured; every one must hold for the run to pass
 * @param rules the settings the run was judged by; null in results written before runs recorded them (issue 15):
 *     {@link #judgedBy()} derives what their configuration says
 * @param dedup the {@code dedup} scenario's audit of SPEC §5 by id; null in every other scenario, and in results
 *     written before it existed (those runs are judged as before, on their clients and committed ids)
 */
public record ChaosResult(
        String scenario,
        String startedAt,
        long startedAtMillis,
        double seconds,
        String verdict,
        List<String> failures,
        List<String> notes,
        Configuration configuration,
        MachineInfo machine,
        Input input,
        List<ClientOutcome> clients,
        long repeatedIds,
        List<FaultOutcome> faults,
        Map<String, Recovery> recovery,
        Restore restore,
        List<RunResult.Check> targets,
        Map<String, ResourceSampler.Summary> resources,
        RunRules rules,
        DedupReport dedup) {

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    /**
     * Passed by today's rules: the recorded verdict, and every target held. Until issue 15 a chaos verdict judged
     * integrity only, so an older result may read PASSED with a target missed (its processor back after 31.7 s):
     * such a run did not pass, {@link #missedTargets()} says why.
     */
    public boolean passed() {
        return PASSED.equals(verdict) && missedTargets().isEmpty();
    }

    /** The targets the run missed, each as {@link RunResult.Check#shortfall()} says it. */
    public List<String> missedTargets() {
        return targets.stream().filter(t -> !t.ok()).map(RunResult.Check::shortfall).toList();
    }

    /** The settings the run was judged by: as recorded, or derived from an older result's configuration. */
    public RunRules judgedBy() {
        return rules != null ? rules : Rules.chaosDerived(configuration.brokerOutageSeconds());
    }

    /** How the run was set up, to repeat it. */
    public record Configuration(String profile, double multiplier, int faultsPlanned, long seed,
            int brokerOutageSeconds, String gateway, String bootstrap, String command) {
    }

    /** What went through the stack: raw records the run added, events of the run committed. */
    public record Input(Map<String, Long> rawRecords, long eventsCommitted, long eventsCommittedOutsideRun) {
    }

    /**
     * One client over every connection it had.
     *
     * @param closeCodes how each connection ended: WebSocket codes, -1 a broken connection
     * @param resumedWithGap resumes the gateway answered {@code recovered:false}: part of the history was gone
     */
    public record ClientOutcome(String name, String subscription, int connections, List<Integer> closeCodes,
            int resumed, int resumedWithGap, List<String> errors, IntegrityReport integrity) {
    }

    /**
     * One fault and the stack's way back.
     *
     * @param atSecond when it struck, seconds after the load started
     * @param exitMillis SIGTERM: how long the graceful shutdown took; broker stop: the broker's
     * @param outageMillis how long the component was down (from the fault to its restart being under way)
     * @param healthyMillis per service: from the fault to the first {@code ready} answer after the component came
     *     back (a service the fault did not touch: at once)
     * @param readyDuringOutage broker stop: per service, whether it still said ready while the broker was down
     * @param aliveThroughOutage broker stop: per service, whether its process lived through the outage
     * @param restoreSeconds a processor restart: the state restoration it reported (tickstock.processor.restore)
     * @param restoredRecords a processor restart: changelog records it replayed
     * @param clientCloses how the clients' connections ended during the fault, by close code
     */
    public record FaultOutcome(int index, String fault, double atSecond, long exitMillis, long outageMillis,
            Map<String, Long> healthyMillis, Map<String, Boolean> readyDuringOutage,
            Map<String, Boolean> aliveThroughOutage, Double restoreSeconds, Long restoredRecords,
            Map<Integer, Integer> clientCloses, String problem) {
    }

    /** Time to healthy of one service over the faults that hit it directly (ms). */
    public record Recovery(int faults, long minMillis, long medianMillis, long maxMillis) {
    }

    /** The processor's state restorations after its restarts (s). */
    public record Restore(int restarts, double medianSeconds, double maxSeconds, long maxRecords) {
    }
}
