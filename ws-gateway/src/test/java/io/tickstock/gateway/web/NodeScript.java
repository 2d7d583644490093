package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script from {@code src/test/js}, run as a process that talks lines: commands on its stdin, results on
 * its stdout. Installs what the scripts need on first use (npm packages from the lock file; Chromium through
 * apt-get when running as root), so a clean machine can run these tests.
 */
final class NodeScript implements AutoCloseable {

    static final Path DIR = Path.of("src/test/js").toAbsolutePath();

    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private NodeScript(Process process) {
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code node script args…} in {@code src/test/js}, its stderr merged into what {@link #output()} shows. */
    static NodeScript start(String script, String... args) {
        installPackages();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            return new NodeScript(new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node (install Node.js 18 or newer)", e);
        }
    }

    /** The next line starting with {@code prefix} (the prefix and a space removed); fails with the output if none. */
    String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null && (!process.isAlive() && lines.isEmpty() || System.nanoTime() > deadline)) {
                    return fail("no '" + prefix + "' line from node within " + timeout
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                            + "; output:\n" + output());
                }
                if (line == null) {
                    continue;
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            fail("node is gone; output:\n" + output(), e);
        }
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Headless Chromium for the browser tests: Debian's package, installed here when missing and possible. */
    static Path chromium() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            run(Duration.ofMinutes(10), "apt-get", "install", "-y", "-qq", "chromium");
        }
        if (!Files.isExecutable(chromium)) {
            fail(chromium + " is missing and could not be installed: apt-get install chromium (as root)");
        }
        return chromium;
    }

    private static synchronized void installPackages() {
        if (Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                && Files.isDirectory(DIR.resolve("node_modules/ws"))) {
            return;
        }
        run(Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
    }

    private static void run(Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("install.log").toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " failed:\n" + Files.readString(DIR.resolve("install.log")));
            }
        } catch (IOException e) {
            fail("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted running " + command[0]);
        }
    }
}
