package io.tickstock.perf.chaos;

import io.tickstock.stack.control.Console;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.StackLayout;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The components of the stack a chaos run strikes, through the stack module in this process: found by their pid
 * files and markers (a stale pid file never hits a stranger), killed, stopped, and started again with the options
 * the stack was started with — what an orchestrator does for a failed pod.
 */
public final class Components {

    private final StackLayout layout;

    /** {@code layout}: the run's stack (its home, ports and environment). */
    public Components(StackLayout layout) {
        this.layout = layout;
    }

    private io.tickstock.stack.control.Components on(Console console) {
        return new io.tickstock.stack.control.Components(new Stack(layout, console));
    }

    private io.tickstock.stack.control.Components quiet() {
        return on(Console.system());
    }

    /** The running process of component {@code name}, if it runs. */
    public Optional<ProcessHandle> process(String name) {
        return quiet().process(name);
    }

    /** The pid of component {@code name}, or -1. */
    public long pid(String name) {
        return process(name).map(ProcessHandle::pid).orElse(-1L);
    }

    /** SIGKILL (a container: podman kill -s KILL); waits until it is gone. Fails when the component does not run. */
    public void kill(String name) {
        quiet().kill(name);
    }

    /** SIGTERM; waits up to {@code timeout} for the process to end and says how long it took (-1: it did not). */
    public long terminate(String name, Duration timeout) {
        return quiet().terminate(name, timeout);
    }

    /**
     * Starts the component again (Kafka: until it accepts connections; a service: without waiting for it to be
     * ready, so the caller can time that). What it says goes to {@code log}.
     */
    public void restart(String name, Path log) {
        try (PrintStream out = new PrintStream(new FileOutputStream(log.toFile(), true), true)) {
            on(Console.to(out)).restart(List.of(name), false);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }
}
