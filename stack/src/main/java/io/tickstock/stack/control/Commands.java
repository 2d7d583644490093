package io.tickstock.stack.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Programs the stack runs to completion: Maven, the broker's storage tool, chown. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} in {@code dir} with the terminal's output; its exit code. */
    static int run(Path dir, List<String> command) {
        return run(new ProcessBuilder(command).directory(dir.toFile()).inheritIO());
    }

    /** Runs {@code command} with its output appended to {@code log}; its exit code. */
    static int runLogged(Path dir, List<String> command, Path log) {
        return run(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
    }

    private static int run(ProcessBuilder builder) {
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted running " + builder.command().get(0));
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
