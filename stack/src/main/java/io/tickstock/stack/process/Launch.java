package io.tickstock.stack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A component started as a process that outlives its starter: in a session of its own ({@code setsid}), so neither
 * Ctrl-C of the command that started it nor the end of that command's terminal stops it; its output appended to its
 * log; its pid in its pid file.
 */
public record Launch(String name, List<String> command, Map<String, String> environment, Path log) {

    public Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Starts it with exactly {@code environment}; writes its pid to {@code pids}. */
    public ProcessHandle start(PidFiles pids) {
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached).redirectErrorStream(true)
                .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            // setsid execs the command in the same process: the pid is the component's
            Process process = builder.start();
            pids.write(name, process.pid());
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The {@code java} of this JVM: the services run on the JVM the stack's tools run on. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
