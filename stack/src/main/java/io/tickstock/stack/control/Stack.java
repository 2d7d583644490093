package io.tickstock.stack.control;

import io.tickstock.stack.container.Containers;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.StackHome;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.process.OwnProcesses;
import io.tickstock.stack.process.PidFiles;
import io.tickstock.stack.sizing.K8sManifests;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One stack, as its layout places it: what runs in it (by pid file and marker), how it is sized, and waiting for its
 * components. The parts that start things ({@link Broker}, {@link Services}, {@link Monitoring}) and stop them
 * ({@link Components}) share it.
 */
public final class Stack {

    private static final Duration POLL = Duration.ofMillis(500);

    private final StackLayout layout;
    private final Console console;
    private final OwnProcesses processes;
    private final K8sManifests manifests;
    private final Containers containers;
    // when this command started each component: start to ready, as the waits report it
    private final Map<String, Long> startedAt = new HashMap<>();

    public Stack(StackLayout layout, Console console) {
        this.layout = layout;
        this.console = console;
        this.processes = new OwnProcesses(new PidFiles(layout.home().pids()),
                layout.home().prometheus().resolve("prometheus.yml"));
        this.manifests = new K8sManifests(layout.root());
        this.containers = Containers.of(layout.containerPrefix(), layout.home().dir());
    }

    public StackLayout layout() {
        return layout;
    }

    public StackHome home() {
        return layout.home();
    }

    public Console console() {
        return console;
    }

    public PidFiles pids() {
        return processes.pids();
    }

    public K8sManifests manifests() {
        return manifests;
    }

    public Containers containers() {
        return containers;
    }

    public Sizing sizing() {
        return Sizing.of(home());
    }

    public Optional<ProcessHandle> process(String name) {
        return processes.find(name);
    }

    public boolean alive(String name) {
        return processes.alive(name);
    }

    /** The running instances of a service, first to last. */
    public List<Instance> running(io.tickstock.stack.layout.Service service) {
        return pids().started(service).stream().filter(i -> alive(i.name())).toList();
    }

    void started(String name) {
        startedAt.put(name, System.nanoTime());
    }

    /** Fails, naming who holds it where {@code ss} can tell, when {@code port} is taken. */
    void ensurePortFree(int port, String what, String variable) {
        if (Probes.portOpen(port)) {
            String holder = PortHolder.of(port).map(h -> " by " + h).orElse("");
            throw new StackException("port " + port + ", needed by " + what + ", is taken" + holder
                    + ". Stop that program, or choose another port with " + variable + "=PORT.");
        }
    }

    /**
     * Polls {@code condition} until it holds; fails early, with the end of its log, when {@code component} dies
     * meanwhile. Its pid is asked, not its command line: a process just forked may not have exec'd java yet on a
     * busy machine.
     */
    public void awaitUntil(Duration limit, String what, String component, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (pids().read(component).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty()) {
                console.warn("--- last lines of the log of " + component);
                console.warn(logTail(component, 30));
                if (sizing() == Sizing.CONTAINERS && containers.oomKilled(component)) {
                    throw new StackException(component + " was killed by its memory limit ("
                            + manifests.memoryLimitMib(serviceOf(component)) + " MiB: the kernel's OOM kill) while "
                            + "waiting for " + what + ".");
                }
                throw new StackException(component + " stopped while waiting for " + what + " (log above, full log in "
                        + home().log(component) + ").");
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(what + " did not happen within " + limit.toSeconds() + "s; see "
                        + home().log(component));
            }
            pause();
        }
        Long at = startedAt.get(component);
        if (at != null) {
            console.info(String.format("%s, %.1fs after its start", what, (System.nanoTime() - at) / 1e9));
        }
    }

    /** A service instance answering {@code /q/health/ready}, within {@code limit}. */
    public void awaitReady(Instance instance, Duration limit) {
        awaitUntil(limit, instance.name() + " ready", instance.name(),
                () -> Probes.ready(layout.ports().of(instance)));
    }

    /** The last lines of a component's log; a container's through podman. */
    public String logTail(String component, int lines) {
        if (sizing() == Sizing.CONTAINERS && containers.exists(component)) {
            return containers.logTail(component, lines);
        }
        try {
            List<String> all = Files.exists(home().log(component)) ? Files.readAllLines(home().log(component))
                    : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** kafka, or the label of an instance's service: what k8s/base sizes. */
    public static String serviceOf(String component) {
        return Instance.named(component).map(i -> i.service().label()).orElse(component);
    }

    static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
