package io.tickstock.stack.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuildsTest {

    @TempDir
    Path app;

    @Test
    void anImageIsAsOldAsItsNewestInputAnywhereBelowIt() throws Exception {
        Path lib = Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.writeString(lib.resolve("dependency.jar"), "jar");
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.ofEpochSecond(1_000)));
        Files.setLastModifiedTime(lib.resolve("dependency.jar"), FileTime.from(Instant.ofEpochSecond(2_500)));

        assertThat(ImageBuilds.newestFileSeconds(app)).isEqualTo(2_500);
    }

    @Test
    void withNothingToCompareWithTheImageIsBuilt() {
        assertThat(ImageBuilds.newestFileSeconds(app)).as("no file").isEqualTo(Long.MAX_VALUE);
        assertThat(ImageBuilds.newestFileSeconds(app.resolve("missing"))).isEqualTo(Long.MAX_VALUE);
    }
}
