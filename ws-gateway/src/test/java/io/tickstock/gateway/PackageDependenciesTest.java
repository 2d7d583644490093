package io.tickstock.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.testsupport.PackageImports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages read as its data flow (consume → route → queue → resume → socket): none of them, nor the
 * ones beside the flow, imports a package that imports it back, directly or through others.
 */
class PackageDependenciesTest {

    private static final PackageImports IMPORTS =
            PackageImports.of(Path.of("src/main/java/io/tickstock/gateway"), "io.tickstock.gateway");

    @Test
    void noPackageReachesItselfThroughItsImports() {
        assertThat(IMPORTS.packages()).contains("io.tickstock.gateway.consume", "io.tickstock.gateway.socket");
        assertThat(IMPORTS.cycles()).as("packages in a cycle").isEmpty();
    }

    @Test
    void theDataFlowGoesOneWay() {
        assertThat(IMPORTS.reachable("io.tickstock.gateway.socket")).contains("io.tickstock.gateway.consume",
                "io.tickstock.gateway.route", "io.tickstock.gateway.queue", "io.tickstock.gateway.resume");
        assertThat(IMPORTS.reachable("io.tickstock.gateway.consume")).doesNotContain("io.tickstock.gateway.queue",
                "io.tickstock.gateway.resume", "io.tickstock.gateway.socket");
    }
}
