package io.tickstock.k8s.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' own checker, promtool (Debian package {@code prometheus}; .ci/run installs it). */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Result run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is not installed: install Debian's prometheus package "
                    + "(apt-get install prometheus), as .ci/run does", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + args[0] + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), output);
    }
}
