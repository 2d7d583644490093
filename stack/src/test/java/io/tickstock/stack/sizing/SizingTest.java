package io.tickstock.stack.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.stack.layout.StackHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizingTest {

    @TempDir
    Path dir;

    @Test
    void aStackIsSizedLocallyUntilItKeepsAnotherSizing() throws IOException {
        StackHome home = new StackHome(dir);
        assertThat(Sizing.of(home)).isEqualTo(Sizing.LOCAL);

        Sizing.CONTAINERS.keep(home);
        assertThat(Files.readString(home.sizingFile())).isEqualTo("containers\n");
        assertThat(Sizing.of(home)).isEqualTo(Sizing.CONTAINERS);
        Sizing.K8S.keep(home);
        assertThat(Sizing.of(home)).isEqualTo(Sizing.K8S);

        Sizing.forget(home);
        assertThat(Sizing.of(home)).isEqualTo(Sizing.LOCAL);
    }
}
