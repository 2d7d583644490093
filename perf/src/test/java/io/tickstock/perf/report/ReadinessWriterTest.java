package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.ContainerMemory;
import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.result.ResultFiles;
import io.tickstock.perf.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessWriterTest {

    @TempDir
    Path root;

    private Path write() {
        return ReadinessWriter.write(root, root.resolve("perf/results"), root.resolve("docs/open-risks.md"),
                root.resolve("docs/READINESS.md"));
    }

    private String readiness() throws IOException {
        return Files.readString(write());
    }

    private void suite(String module, String kind, String name, int tests, int failures) throws IOException {
        Path reports = root.resolve(module).resolve("target").resolve(kind);
        Files.createDirectories(reports);
        Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
        Files.writeString(reports.resolve("TEST-io.tickstock." + name + ".xml"), "<?xml version=\"1.0\"?>\n"
                + "<testsuite xmlns:xsi=\"x\" name=\"io.tickstock." + name + "\" time=\"1.2\" tests=\"" + tests
                + "\" errors=\"0\" skipped=\"0\" failures=\"" + failures + "\" timestamp=\"2026-11-27T20:00:00\">"
                + "<testcase name=\"t\"/><system-out><![CDATA[scale-out: took over in 9441 ms\n]]></system-out>"
                + "</testsuite>");
    }

    /** A test class of {@code module} with the JUnit tag {@code tag} on its declaration. */
    private void source(String module, String name, String tag) throws IOException {
        Path file = root.resolve(module).resolve("src/test/java/io/tickstock/" + name.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
        String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Files.writeString(file, "package io.tickstock." + pkg + ";\n\nimport org.junit.jupiter.api.Tag;\n\n/** A test. */\n"
                + "@Tag(\"" + tag + "\")\nclass " + simple + " {\n\n    @Tag(\"slow\")\n    void t() {\n    }\n}\n");
    }

    private void coverage(String module, int missed, int covered) throws IOException {
        Path site = root.resolve(module).resolve("target/site/jacoco");
        Files.createDirectories(site);
        Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
        Path resources = root.resolve(module).resolve("src/main/resources");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("application.properties"), "");
        Files.writeString(site.resolve("jacoco.csv"), "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,"
                + "BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED\n" + module + ",p,A,1,2,0,0," + missed + ","
                + covered + "\n" + module + ",p,B,1,2,0,0,0,10\n");
    }

    private static ChaosResult chaos(String scenario, long lost) {
        IntegrityReport integrity = new IntegrityReport("all", 500, 500 - lost, lost, 0, 0, 0, 0, List.of(),
                List.of(), List.of());
        return new ChaosResult(scenario, "2026-11-27T20:00:00Z", Runs.START, 300, lost == 0 ? ChaosResult.PASSED
                : ChaosResult.FAILED, List.of(), List.of(), new ChaosResult.Configuration("market_open_surge", 1, 1,
                8, 30, "ws://127.0.0.1:8080/ws/v1", "127.0.0.1:9092", "./tickstock chaos " + scenario + " --seed 8"),
                null, new ChaosResult.Input(Map.of(), 500, 0),
                List.of(new ChaosResult.ClientOutcome("all", "*.*", 8, List.of(1006), 7, 0, List.of(), integrity)),
                0, List.of(new ChaosResult.FaultOutcome(1, "kill -9 processor", 20, -1, 10, Map.of("processor", 7000L),
                        Map.of(), Map.of(), 2.5, 1000L, Map.of(), null)),
                Map.of("processor (kill)", new ChaosResult.Recovery(1, 7000, 7000, 7000)),
                new ChaosResult.Restore(1, 2.5, 2.5, 1000), List.of(new RunResult.Check("events lost, over all "
                        + "clients (SPEC §10)", "0", Long.toString(lost), lost == 0, "…"), new RunResult.Check(
                        "processor ready again after kill -9, worst of 1 (SPEC §10)", "≤ 10000 ms", "11193 ms", false,
                        "…")), Map.of(), null, null);
    }

    @Test
    void withoutAnyEvidenceEveryMetricIsANoGoAndSaysWhatToRun() throws IOException {
        String md = readiness();

        assertThat(md).contains("**Overall: NO-GO** (0 of 6 success metrics go)")
                .contains("no test reports: the build has not run here", "no JaCoCo reports",
                        "`chaos kill`: **not run yet**", "PENDING: no `steady_state` run of 60 minutes or more")
                .contains("| [Integration complete](#integration-complete) | **no-go** | `./tickstock test` |");
    }

    @Test
    void theEvidenceOfEachSourceIsJudged() throws IOException {
        suite("e2e", "failsafe-reports", "e2e.ChaosSmokeIT", 1, 0);
        source("e2e", "e2e.ChaosSmokeIT", ReadinessWriter.INTEGRATION);
        suite("e2e", "failsafe-reports", "e2e.ScaleOutIT", 1, 0);
        source("e2e", "e2e.ScaleOutIT", ReadinessWriter.DEPLOYMENT);
        suite("ws-gateway", "surefire-reports", "gateway.ProtocolDocTest", 4, 1);
        source("ws-gateway", "gateway.ProtocolDocTest", ReadinessWriter.COMPATIBILITY);
        coverage("ws-gateway", 5, 85);
        coverage("channel-processor", 20, 70);
        ResultFiles.write(root.resolve("perf/results"), new Runs().build());
        Path chaos = root.resolve("perf/results/chaos");
        ResultFiles.write(chaos, "kill", Runs.START, chaos("kill", 0));
        ResultFiles.write(chaos, "broker", Runs.START, chaos("broker", 2));
        ResultFiles.write(root.resolve("perf/results/flood"), new Runs().build());
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/open-risks.md"), "# Open risks\n\nKept by hand.\n\n- a risk kept by hand\n");

        String md = readiness();

        assertThat(md).contains("| [Test coverage](#test-coverage) | **no-go** |")
                .contains("6 tests in 3 classes over 2 modules, 1 classes failing: ProtocolDocTest")
                .contains("`ScaleOutIT` measured: took over in 9441 ms")
                .contains("channel-processor: 80.0 % of 100 lines — **below the 90 % gate**",
                        "ws-gateway: 95.0 % of 100 lines (gated: at least 90 %)")
                .contains("`chaos kill` (2026-11-27 16:24 UTC): FAILED — 1 faults (1× kill -9 processor); 500 events "
                        + "owed to 1 resuming clients: 0 lost")
                .contains("`chaos broker` (2026-11-27 16:24 UTC): FAILED", "2 lost")
                .contains("processor (kill) ready again in 7.0 s median", "processor state restore 2.5 s median")
                .contains("`chaos sigterm`: **not run yet**")
                .contains("`chaos kill` (2026-11-27 16:24 UTC): processor ready again after kill -9, worst of 1 (SPEC "
                        + "§10): 11193 ms (expected ≤ 10000 ms) — **missed**")
                .doesNotContain("`chaos kill`: events lost")
                .contains("a 1× flood under the local heaps (2026-11-27 16:24 UTC): PASSED, 100 messages in 300 s")
                .contains("(`@Tag(\"compatibility\")`): 0 of 1 test classes passed (4 tests); **failing: "
                        + "ProtocolDocTest**")
                .contains("end to end through the packaged services (`@Tag(\"integration\")`): 1 of 1 test classes "
                        + "passed (1 tests)")
                .endsWith("- **Deployment readiness is no-go**: see its evidence above.\n- a risk kept by hand\n")
                .doesNotContain("Kept by hand.");
        assertThat(md).contains("tick event latency p99, ingest accepted → WebSocket client received — must < 50 ms: "
                + "**met**");
    }

    @Test
    void aTaggedSuiteWithoutAReportIsANoGo() throws IOException {
        suite("e2e", "failsafe-reports", "e2e.ChaosSmokeIT", 1, 0);
        source("e2e", "e2e.ChaosSmokeIT", ReadinessWriter.INTEGRATION);
        source("e2e", "e2e.ProcessorCrashIT", ReadinessWriter.INTEGRATION);

        String md = readiness();

        assertThat(md).contains("end to end through the packaged services (`@Tag(\"integration\")`): 1 of 2 test "
                + "classes passed (1 tests); **no report of ProcessorCrashIT**")
                .contains("| [Integration complete](#integration-complete) | **no-go** |");
    }

    @Test
    void aTagNoClassCarriesIsANoGoNotAnEmptyPass() throws IOException {
        suite("e2e", "failsafe-reports", "e2e.ChaosSmokeIT", 1, 0);

        assertThat(readiness()).contains("end to end through the packaged services: **no test class is tagged "
                + "`integration`**");
    }

    @Test
    void everyChaosRunIsListedAndAFailureStaysVisibleAfterAPassingRerun() throws IOException {
        Path chaos = root.resolve("perf/results/chaos");
        ResultFiles.write(chaos, "kill", Runs.START, chaos("kill", 0));
        ResultFiles.write(chaos, "kill", Runs.START + 3_600_000, passing(chaos("kill", 0)));

        String md = readiness();

        assertThat(md).contains("`chaos kill`, every run on record (2, 1 FAILED): 2026-11-27 16:24 UTC (`--seed 8`): "
                + "**FAILED** (processor ready again after kill -9, worst of 1 (SPEC §10): expected ≤ 10000 ms, found 11193 ms (…)); "
                + "2026-11-27 17:24 UTC (`--seed 8`): PASSED")
                .contains("`chaos kill` (2026-11-27 17:24 UTC): PASSED");
    }

    @Test
    void aSurgeUnderTheKubernetesLimitsIsRecognizedBeforeALaterSurgeWithTheLocalHeaps() throws IOException {
        Runs sized = new Runs();
        sized.stack = "a fresh stack started for this run (injected duplicates 0.05, Kubernetes memory sizing)";
        sized.rssPeak = 681;
        Runs local = new Runs();
        local.startedAt = Runs.START + 3_600_000;
        ResultFiles.write(root.resolve("perf/results"), sized.build());
        ResultFiles.write(root.resolve("perf/results"), local.build());

        String md = readiness();

        assertThat(md).contains("the latest surge under the Kubernetes heap and memory limits (2026-11-27 16:24 UTC): "
                + "PASSED, services' RSS peak 681 MB; stack: a fresh stack started for this run (injected duplicates "
                + "0.05, Kubernetes memory sizing)")
                .contains("the latest surge run (2026-11-27 17:24 UTC), with the local heaps: PASSED")
                .doesNotContain("has not been shown yet");
    }

    @Test
    void perfRunsThatFailedAreListedWithTheRunThatPassedAgain() throws IOException {
        Runs failed = new Runs();
        failed.verdict = RunResult.FAILED;
        failed.failures.add("tick: 3 lost of 100 owed");
        Runs rerun = new Runs();
        rerun.startedAt = Runs.START + 60_000;
        Runs variant = new Runs();
        variant.verdict = RunResult.FAILED;
        ResultFiles.write(root.resolve("perf/results"), failed.build());
        ResultFiles.write(root.resolve("perf/results"), rerun.build());
        ResultFiles.write(root.resolve("perf/results/fanout-500"), variant.build());

        assertThat(readiness()).contains("perf runs on record: 3, 2 FAILED: `market_open_surge-20261127-162400.json` "
                + "(2026-11-27 16:24 UTC): tick: 3 lost of 100 owed; passed again by "
                + "`market_open_surge-20261127-162500.json`; `fanout-500/market_open_surge-20261127-162400.json` "
                + "(2026-11-27 16:24 UTC): no reason recorded; **not passed again since**");
    }

    @Test
    void theStackInContainersIsShownByASurgeAndAChaosKillWithEveryLimitAndNothingKilledAtIt() throws IOException {
        Runs surge = new Runs();
        surge.container = new ContainerMemory.Summary(1280, 420, false);
        ResultFiles.write(root.resolve("perf/results/" + ReadinessWriter.CONTAINERS), surge.build());
        Path chaos = root.resolve("perf/results/chaos");
        ResultFiles.write(chaos, "kill", Runs.START, inContainers(passing(chaos("kill", 0)),
                new ContainerMemory.Summary(1280, 1280, true)));

        String md = readiness();

        assertThat(md).contains("the surge in containers (2026-11-27 16:24 UTC): PASSED; processor RSS peak 310 of "
                + "1,280 MB; nothing killed at its limit")
                .contains("`chaos kill` in containers (2026-11-27 17:24 UTC): **FAILED**; processor RSS peak 310 of "
                        + "1,280 MB (**killed at the limit**)")
                .doesNotContain("in containers under the enforced memory limits: **not run yet**");
    }

    @Test
    void withoutRunsInContainersTheDeploymentSaysWhichToRun() throws IOException {
        ResultFiles.write(root.resolve("perf/results/chaos"), "kill", Runs.START, passing(chaos("kill", 0)));

        assertThat(readiness()).contains("in containers under the enforced memory limits: **not run yet** "
                + "(`./tickstock perf market_open_surge --containers`)", "in containers under the enforced memory "
                + "limits: **not run yet** (`./tickstock chaos kill --containers`)");
    }

    /** The run as {@code chaos --containers} records it: its command, and the processor's container. */
    private static ChaosResult inContainers(ChaosResult run, ContainerMemory.Summary processor) {
        ChaosResult.Configuration c = run.configuration();
        boolean killed = processor.oomKilled();
        return new ChaosResult(run.scenario(), run.startedAt(), run.startedAtMillis(), run.seconds(),
                killed ? ChaosResult.FAILED : run.verdict(), run.failures(), run.notes(),
                new ChaosResult.Configuration(c.profile(), c.multiplier(), c.faultsPlanned(), c.seed(),
                        c.brokerOutageSeconds(), c.gateway(), c.bootstrap(), c.command() + " --containers"),
                run.machine(), run.input(), run.clients(), run.repeatedIds(), run.faults(), run.recovery(),
                run.restore(), run.targets(), Map.of("processor", new ResourceSampler.Summary(310, 300, 90, 40, 5.0,
                        processor)), run.rules(), run.dedup());
    }

    /** The same run with its recovery within the bound. */
    private static ChaosResult passing(ChaosResult run) {
        return new ChaosResult(run.scenario(), run.startedAt(), run.startedAtMillis() + 3_600_000, run.seconds(),
                ChaosResult.PASSED, run.failures(), run.notes(), run.configuration(), run.machine(), run.input(),
                run.clients(), run.repeatedIds(), run.faults(), run.recovery(), run.restore(),
                run.targets().stream().map(t -> new RunResult.Check(t.name(), t.expected(), t.ok() ? t.actual()
                        : "5000 ms", true, t.meaning())).toList(), run.resources(), run.rules(), run.dedup());
    }
}
