package io.tickstock.stack.control;

import io.tickstock.stack.container.Podman;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The whole stack at once: which sizing it starts with, stopping all of it, a clean slate. */
public final class Lifecycle {

    private final Stack stack;

    public Lifecycle(Stack stack) {
        this.stack = stack;
    }

    /**
     * {@code up --limits} or {@code --containers} switches a stopped stack to that sizing, a plain {@code up} of a
     * stopped stack back to the local heaps; a running stack keeps what it has, so every instance of it is started
     * alike (the broker runs alike with either heap sizing, but not as a process and in a container at once).
     */
    public void chooseSizing(Sizing wanted) {
        Sizing current = stack.sizing();
        boolean running = Stream.of(Service.values()).anyMatch(s -> !stack.running(s).isEmpty())
                || ((wanted == Sizing.CONTAINERS || current == Sizing.CONTAINERS) && stack.alive(Broker.NAME));
        if (wanted != Sizing.LOCAL) {
            if (running && current != wanted) {
                throw new StackException("up " + wanted.option() + ": the stack "
                        + "already runs " + current.description() + ". Stop it first (./tickstock down), so every "
                        + "component is started alike.");
            }
            wanted.keep(stack.home());
        } else if (!running) {
            Sizing.forget(stack.home());
        }
    }

    /** Prometheus, the ingest service, every gateway and processor (the last first), the broker; their containers. */
    public boolean down() {
        List<String> names = new ArrayList<>(List.of(Monitoring.NAME, Instance.first(Service.INGEST).name()));
        for (Service service : List.of(Service.GATEWAY, Service.PROCESSOR)) {
            stack.pids().started(service).stream().sorted(Comparator.reverseOrder()).forEach(i -> names.add(i.name()));
        }
        names.add(Broker.NAME);
        boolean any = false;
        Components components = new Components(stack);
        for (String name : names) {
            any |= stack.alive(name);
            components.stop(name);
        }
        // the stopped containers too (kept until now: status tells whether the memory limit killed one)
        if (Podman.installed()) {
            stack.containers().removeAll();
        }
        Sizing.forget(stack.home());
        return any;
    }

    /** Deletes the broker's data (every topic) and every processor instance's state. */
    public void wipeState() {
        Directories.deleteTree(stack.home().kafkaData());
        try (Stream<Path> entries = Files.exists(stack.home().dir()) ? Files.list(stack.home().dir()) : Stream.empty()) {
            for (Path state : entries.filter(p -> p.getFileName().toString().startsWith("processor-state")).toList()) {
                Directories.deleteTree(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
