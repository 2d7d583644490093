package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path dir;

    @Test
    void theInstancesStartedAreThoseWithAPidFileFirstToLast() throws IOException {
        PidFiles pids = new PidFiles(dir);
        for (String name : new String[] {"processor-10", "processor", "processor-2", "gateway", "kafka"}) {
            pids.write(name, 1);
        }
        Files.writeString(dir.resolve("processor.log"), "not a pid file");

        assertThat(pids.started(Service.PROCESSOR)).extracting(Object::toString)
                .containsExactly("processor", "processor-2", "processor-10");
        assertThat(pids.started(Service.GATEWAY)).extracting(Object::toString).containsExactly("gateway");
        assertThat(pids.started(Service.INGEST)).isEmpty();
        assertThat(new PidFiles(dir.resolve("missing")).started(Service.INGEST)).isEmpty();
    }

    @Test
    void aPidIsWrittenReadAndForgotten() {
        PidFiles pids = new PidFiles(dir.resolve("pids"));

        pids.write("kafka", 4242);
        assertThat(pids.read("kafka")).hasValue(4242L);
        assertThat(pids.exists("kafka")).isTrue();
        pids.delete("kafka");
        assertThat(pids.read("kafka")).isEmpty();
        pids.delete("kafka");
    }
}
