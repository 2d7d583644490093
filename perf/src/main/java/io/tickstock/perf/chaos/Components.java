package io.tickstock.perf.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes of a stack {@code ./tickstock up} started in one home: found by their pid files, checked against
 * their command line (only a process carrying {@code -Dtickstock.component=NAME} is ever signalled, so a stale pid
 * file cannot hit a stranger), and started again by {@code ./tickstock restart}, with the options the stack was
 * started with — what an orchestrator does for a failed pod.
 */
public final class Components {

    private final Path pids;
    private final Path tickstock;

    /**
     * @param pids the stack's {@code pids} directory
     * @param tickstock the {@code ./tickstock} script; its environment (TICKSTOCK_HOME, ports) is this process's
     */
    public Components(Path pids, Path tickstock) {
        this.pids = pids;
        this.tickstock = tickstock;
    }

    /** The running process of component {@code name}, if it runs. */
    public Optional<ProcessHandle> process(String name) {
        Path file = pids.resolve(name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> ours(p, name));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a pid file being rewritten
        }
    }

    private static boolean ours(ProcessHandle process, String name) {
        String marker = "-Dtickstock.component=" + name;
        return process.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false)
                || process.info().commandLine().map(line -> line.contains(marker + " ")).orElse(false);
    }

    /** The pid of component {@code name}, or -1. */
    public long pid(String name) {
        return process(name).map(ProcessHandle::pid).orElse(-1L);
    }

    /** SIGKILL; waits until the process is gone. Fails when the component does not run. */
    public void kill(String name) {
        ProcessHandle process = running(name);
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
    }

    /** SIGTERM; waits up to {@code timeout} for the process to end and says how long it took (-1: it did not). */
    public long terminate(String name, Duration timeout) {
        ProcessHandle process = running(name);
        long started = System.nanoTime();
        process.destroy();
        return awaitExit(process, timeout) ? (System.nanoTime() - started) / 1_000_000 : -1;
    }

    private ProcessHandle running(String name) {
        return process(name).orElseThrow(() -> new IllegalStateException(name + " does not run (no live process "
                + "of its pid file in " + pids + ")"));
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * {@code ./tickstock restart NAME}: starts the component again (Kafka: until it accepts connections; a
     * service: without waiting for it to be ready, so the caller can time that). Output goes to {@code log}.
     */
    public void restart(String name, Path log) {
        ProcessBuilder builder = new ProcessBuilder(tickstock.toString(), "restart", "--no-wait", name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./tickstock restart " + name + " did not finish within 120 s; see "
                        + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./tickstock restart " + name + " failed (exit "
                        + process.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + tickstock, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
