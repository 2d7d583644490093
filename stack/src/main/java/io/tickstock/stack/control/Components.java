package io.tickstock.stack.control;

import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.process.Stopping;
import io.tickstock.stack.sizing.Sizing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The running components of a stack by name ({@code kafka}, {@code processor}, {@code gateway-2}, ...): stopping,
 * killing and starting them again, what an orchestrator does with pods. Only a process whose command line carries the
 * component's marker is ever signalled.
 */
public final class Components {

    private final Stack stack;

    public Components(Stack stack) {
        this.stack = stack;
    }

    public Optional<ProcessHandle> process(String name) {
        return stack.process(name);
    }

    /** SIGTERM; after {@link Stopping#GRACE} SIGKILL. Forgets its pid file either way. */
    public void stop(String name) {
        Optional<ProcessHandle> process = stack.process(name);
        if (process.isPresent()) {
            stack.console().info("stopping " + name + " (pid " + process.get().pid() + ")");
            process.get().destroy();
            if (!Stopping.awaitExit(process.get(), Stopping.GRACE)) {
                stack.console().warn("    " + name + " did not stop within " + Stopping.GRACE.toSeconds()
                        + "s; killing it");
                process.get().destroyForcibly();
                Stopping.awaitExit(process.get(), Stopping.GRACE);
            }
        }
        stack.pids().delete(name);
    }

    /** SIGKILL (a container: {@code podman kill -s KILL}); waits until it is gone. Fails when it does not run. */
    public void kill(String name) {
        ProcessHandle process = running(name);
        if (stack.sizing() == Sizing.CONTAINERS) {
            stack.containers().kill(name);
        } else {
            process.destroyForcibly();
        }
        Stopping.awaitExit(process, Stopping.GRACE);
    }

    /** SIGTERM; waits up to {@code timeout} for it to end and says how long it took (-1: it did not). */
    public long terminate(String name, Duration timeout) {
        ProcessHandle process = running(name);
        long started = System.nanoTime();
        process.destroy();
        return Stopping.awaitExit(process, timeout) ? (System.nanoTime() - started) / 1_000_000 : -1;
    }

    private ProcessHandle running(String name) {
        return stack.process(name).orElseThrow(() -> new IllegalStateException(name + " does not run (no live process "
                + "of its pid file in " + stack.pids().dir() + ")"));
    }

    /**
     * Starts each named component that does not run, with the options the stack was started with (a processor
     * instance with its own state directory and member id); Kafka until it accepts connections, and with
     * {@code await} each service until it is ready.
     */
    public void restart(List<String> names, boolean await) {
        Services services = new Services(stack);
        for (String name : names) {
            if (name.equals(Broker.NAME)) {
                new Broker(stack).start();
                continue;
            }
            Instance instance = Instance.named(name).orElseThrow(() -> new StackException("restart: unknown "
                    + "component '" + name + "'; choose kafka, processor[-N], gateway[-N] or ingest."));
            if (instance.service() == Service.INGEST && instance.number() == 1) {
                services.startIngest();
                continue;
            }
            if (instance.service() == Service.INGEST) {
                throw new StackException("restart: unknown component '" + name + "'; choose kafka, processor[-N], "
                        + "gateway[-N] or ingest.");
            }
            if (!stack.pids().exists(name)) {
                throw new StackException("restart: " + name + " was never started here; use ./tickstock up or scale.");
            }
            if (instance.service() == Service.PROCESSOR) {
                services.startProcessor(instance, stack.pids().started(Service.PROCESSOR).size() >= 2 ? 1 : 0);
            } else {
                services.start(instance, java.util.Map.of());
            }
        }
        if (await) {
            names.stream().filter(name -> !name.equals(Broker.NAME))
                    .forEach(name -> stack.awaitReady(Instance.named(name).orElseThrow(), Services.READY));
        }
    }
}
