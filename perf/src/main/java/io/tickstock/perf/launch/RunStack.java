package io.tickstock.perf.launch;

import io.tickstock.stack.command.StackCommand;
import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Console;
import io.tickstock.stack.control.Lifecycle;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stack a perf or chaos run runs on, through the stack module in this process: the running one as it is, or a
 * fresh one of the run's own in a home of its own on the same ports, stopped when the run ends (Ctrl-C included)
 * unless the user keeps it.
 */
final class RunStack implements AutoCloseable {

    /** What must all run for a stack to be used as it is. */
    static final List<String> COMPONENTS = List.of("kafka", "processor", "gateway", "ingest");

    private final Stack stack;
    private final String note;
    private final boolean stopAfterwards;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread stopOnExit = new Thread(this::stop, "stop-the-run's-stack");

    private RunStack(Stack stack, String note, boolean stopAfterwards) {
        this.stack = stack;
        this.note = note;
        this.stopAfterwards = stopAfterwards;
        if (stopAfterwards) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * perf: the user's stack when all of it runs, a fresh one in {@code HOME/perf} when none of it does; refused when
     * part of it runs (a run on half a stack measures nothing, and starting over it would take its ports).
     */
    static RunStack forPerf(StackLayout user, FreshStack fresh, boolean keep, Console console) {
        Stack running = new Stack(user, console);
        List<String> up = COMPONENTS.stream().filter(running::alive).toList();
        if (up.equals(COMPONENTS)) {
            if (fresh.jfr()) {
                console.warn("tickstock: --jfr only applies to a stack perf starts itself; the running one is used as "
                        + "it is.");
            }
            console.info("using the running stack, its state and configuration as they are (for a clean run: "
                    + "./tickstock down first)");
            return new RunStack(running, FreshStack.REUSED, false);
        }
        if (!up.isEmpty()) {
            throw new LaunchException("perf: part of the stack runs (" + String.join(" ", up) + "). Start all of it "
                    + "(./tickstock up) or stop it (./tickstock down).");
        }
        return fresh("perf", user, fresh, keep, console);
    }

    /**
     * A stack of the run's own in {@code HOME/WHAT}, from empty topics and state ({@code up --fresh}) with the ingest
     * source off (the run drives the simulator through the ingest API). Never over another run's stack: --fresh would
     * stop it.
     */
    static RunStack fresh(String what, StackLayout user, FreshStack fresh, boolean keep, Console console) {
        Path home = user.home().dir().resolve(what);
        Stack stack = new Stack(StackLayout.fromEnvironment(user.root(), fresh.environment(user.env(), home)),
                new Console(new PrintStream(OutputStream.nullOutputStream()), console.err()));
        List<String> others = COMPONENTS.stream().filter(stack::alive).toList();
        if (!others.isEmpty()) {
            throw new LaunchException(what + ": another run's stack is running in " + home + " ("
                    + String.join(" ", others) + "). Wait for it to end, or stop it: TICKSTOCK_HOME=" + home
                    + " ./tickstock down");
        }
        // the broker's jars once, in the user's home, shared by every run's home
        new Builds(new Stack(user, console)).kafkaRuntime();
        console.info("starting a fresh stack for the run in " + home + " (" + fresh.summary() + ")");
        shareKafkaLibs(user, stack);
        if (fresh.jfr()) {
            Directories.create(FreshStack.flightRecordings(home));
        }
        RunStack started = new RunStack(stack, fresh.note(user.env()), !keep);
        List<String> up = new ArrayList<>(List.of("up", "--source", "none", "--fresh"));
        if (fresh.sizing() != Sizing.LOCAL) {
            up.add(fresh.sizing().option());
        }
        if (StackCommand.run(stack, console.err(), up.toArray(String[]::new)) != 0) {
            started.close();
            throw new LaunchException(what + ": the stack did not start; see " + stack.home().logs());
        }
        return started;
    }

    private static void shareKafkaLibs(StackLayout user, Stack stack) {
        Path link = stack.home().kafkaLibs();
        try {
            Directories.create(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, user.home().kafkaLibs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack's home, layout and environment: a chaos run restarts what it broke alike. */
    StackLayout layout() {
        return stack.layout();
    }

    /** How the stack came to be, for the run's record. */
    String note() {
        return note;
    }

    /** Where the harness finds the stack: its endpoints and the pid files of its components. */
    static List<String> harnessOptions(StackLayout layout) {
        return List.of("--gateway", "ws://127.0.0.1:" + layout.ports().of(Service.GATEWAY) + "/ws/v1",
                "--ingest", "http://127.0.0.1:" + layout.ports().of(Service.INGEST),
                "--processor", "http://127.0.0.1:" + layout.ports().of(Service.PROCESSOR),
                "--bootstrap", layout.bootstrap(), "--pids", layout.home().pids().toString());
    }

    boolean startedHere() {
        return !note.equals(FreshStack.REUSED);
    }

    /** Whether this run started the stack and leaves it running (--keep). */
    boolean kept() {
        return startedHere() && !stopAfterwards;
    }

    /** Stops the stack if the run started it and does not keep it. */
    @Override
    public void close() {
        if (!stopAfterwards) {
            return;
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting (Ctrl-C): the hook stops the stack
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            new Lifecycle(stack).down();
        }
    }
}
