package io.tickstock.perf.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the stack under test answers: the command-line options {@code perf run} and {@code chaos} share. */
public final class StackOptions {

    @Option(names = "--gateway", defaultValue = "ws://127.0.0.1:8080/ws/v1")
    URI gateway;

    @Option(names = "--ingest", defaultValue = "http://127.0.0.1:8081")
    URI ingest;

    @Option(names = "--processor", defaultValue = "http://127.0.0.1:8082")
    URI processor;

    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
    String bootstrap;

    @Option(names = "--processor-group", defaultValue = "tickstock-processor")
    String processorGroup;

    @Option(names = "--pids", description = "directory of NAME.pid files of the stack's components (./tickstock up "
            + "writes them)")
    Path pids;

    @Option(names = "--token", description = "gateway token (or TICKSTOCK_PERF_TOKEN), when it requires one")
    String token;

    /** The stack, its processes those of the pid files (none without {@code --pids}). */
    public Stack stack() {
        Map<String, Long> processes = pids == null ? Map.of() : Stack.pidsIn(pids);
        return new Stack(gateway, ingest, processor, bootstrap, processorGroup, processes,
                Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv("TICKSTOCK_PERF_TOKEN"))),
                Stack.TopicNames.defaults());
    }

    /** The {@code --pids} directory; fails when it was not given. */
    public Path pids() {
        if (pids == null) {
            throw new IllegalArgumentException("--pids is required: the stack's pids directory");
        }
        return pids;
    }
}
