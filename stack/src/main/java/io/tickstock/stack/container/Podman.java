package io.tickstock.stack.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Podman as Debian packages it, rootful, with the flags this kind of machine accepts (docs/operations.md, "Container
 * images"): the cgroupfs manager (no systemd), runc (crun is refused). {@code DISABLE_HC_SYSTEMD}: podman runs an
 * image's HEALTHCHECK from systemd timers, and systemd does not run here; the checks stay in the images and the stack
 * polls readiness itself.
 */
public final class Podman {

    private static final List<String> COMMAND = List.of("podman", "--cgroup-manager=cgroupfs", "--runtime", "runc");

    /** podman with the flags of this kind of machine, for a caller that runs it itself (a pipeline). */
    public static List<String> command() {
        return COMMAND;
    }

    /** What podman's environment needs beside the caller's. */
    public static Map<String, String> environment() {
        return Map.of("DISABLE_HC_SYSTEMD", "true");
    }

    /** What a podman command printed (stdout and stderr) and how it ended. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** Whether podman is installed here. */
    public static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "podman"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code podman ARGS} in {@code workingDir}; waits for it to end. */
    public Result run(Path workingDir, List<String> args) {
        List<String> command = new ArrayList<>(COMMAND);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run podman", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running podman", e);
        }
    }

    public Result run(List<String> args) {
        return run(Path.of("."), args);
    }
}
