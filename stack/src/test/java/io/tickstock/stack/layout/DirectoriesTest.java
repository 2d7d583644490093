package io.tickstock.stack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @Test
    void createsMissingParentsAndDeletesAWholeTree(@TempDir Path root) throws Exception {
        Path nested = root.resolve("home/containers/rootfs");
        Directories.create(nested);
        Files.writeString(nested.resolve("file"), "x");

        Directories.deleteTree(root.resolve("home"));

        assertThat(root.resolve("home")).doesNotExist();
        assertThat(root).exists();
    }

    @Test
    void deletingWhatDoesNotExistDoesNothing(@TempDir Path root) {
        Directories.deleteTree(root.resolve("never-made"));

        assertThat(root).isEmptyDirectory();
    }
}
