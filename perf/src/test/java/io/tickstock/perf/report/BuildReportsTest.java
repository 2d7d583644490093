package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suites the readiness needs are found by their JUnit tags in this repository's test sources. */
class BuildReportsTest {

    /** Surefire runs a module's tests in the module: the repository is its parent. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void everyTagTheReadinessNeedsIsOnTestClassesTheBuildRuns() {
        Map<String, List<String>> tagged = BuildReports.tagged(REPOSITORY);

        for (String tag : List.of(ReadinessWriter.INTEGRATION, ReadinessWriter.COMPATIBILITY,
                ReadinessWriter.DEPLOYMENT)) {
            assertThat(tagged.get(tag)).as(tag).isNotEmpty().allSatisfy(name -> assertThat(name)
                    .as("Surefire runs *Test, Failsafe *IT: another name would never have a report")
                    .startsWith("io.tickstock.").matches(".*(Test|IT)$"));
        }
        assertThat(tagged.get(ReadinessWriter.INTEGRATION)).contains("io.tickstock.e2e.ProcessorCrashIT",
                "io.tickstock.perf.PerfSmokeIT");
        assertThat(tagged.get(ReadinessWriter.DEPLOYMENT)).contains("io.tickstock.e2e.ScaleOutIT",
                "io.tickstock.k8s.render.KustomizeTest");
    }
}
