package io.tickstock.stack.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianMirrorTest {

    @TempDir
    Path apt;

    @Test
    void aDeb822SourcesFileNamesTheMirrorOfTheStanzaForBookworm() throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/debian.sources"), """
                Types: deb
                URIs: http://security.example/debian-security
                Suites: bookworm-security
                Components: main

                Types: deb
                # a comment apt allows
                URIs: http://mirror.example/debian http://second.example/debian
                Suites: bookworm bookworm-updates
                Components: main
                """);

        assertThat(DebianMirror.in(apt)).contains("http://mirror.example/debian");
    }

    @Test
    void aOneLineSourcesListIsReadWhenNoStanzaNamesBookworm() throws Exception {
        Files.writeString(apt.resolve("sources.list"), """
                # deb http://commented.example/debian bookworm main
                deb-src http://source.example/debian bookworm main
                deb [arch=amd64 signed-by=/usr/share/keyrings/debian.gpg] http://mirror.example/debian bookworm main
                """);

        assertThat(DebianMirror.in(apt)).contains("http://mirror.example/debian");
    }

    @Test
    void anotherReleaseOrNothingAtAllIsNoMirror() throws Exception {
        assertThat(DebianMirror.in(apt)).isEmpty();
        Files.writeString(apt.resolve("sources.list"), "deb http://mirror.example/debian trixie main\n");

        assertThat(DebianMirror.in(apt)).isEmpty();
    }
}
