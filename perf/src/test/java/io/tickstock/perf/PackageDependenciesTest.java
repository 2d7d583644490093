package io.tickstock.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.testsupport.PackageImports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages form no cycle, and the report is a reader of results apart from the load harness: result
 * records depend on what they record (measure, expect, integrity) and nothing that runs, and nothing that runs or
 * measures depends on the report.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.tickstock.perf";
    private static final PackageImports IMPORTS = PackageImports.of(Path.of("src/main/java/io/tickstock/perf"), ROOT);

    @Test
    void noPackageReachesItselfThroughItsImports() {
        assertThat(IMPORTS.packages()).contains(ROOT + ".report", ROOT + ".result", ROOT + ".run", ROOT + ".chaos");
        assertThat(IMPORTS.cycles()).as("packages in a cycle").isEmpty();
    }

    @Test
    void nothingThatRunsOrMeasuresDependsOnTheReport() {
        for (String pkg : new String[] {"run", "chaos", "measure", "result", "client", "expect", "stack"}) {
            assertThat(IMPORTS.reachable(ROOT + "." + pkg)).as(pkg).doesNotContain(ROOT + ".report");
        }
        assertThat(IMPORTS.reachable(ROOT + ".result")).doesNotContain(ROOT + ".run", ROOT + ".chaos",
                ROOT + ".stack", ROOT + ".client");
    }
}
