package io.tickstock.stack.command;

import io.tickstock.stack.control.Broker;
import io.tickstock.stack.control.Monitoring;
import io.tickstock.stack.control.Probes;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.sizing.Sizing;
import io.tickstock.tools.status.StatusReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tickstock status}: each component with its pid and readiness, then the tools' screen of numbers. */
@Command(name = "status")
final class StatusCommand extends HelpedCommand {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]*)\"");


    @Option(names = "--brief") boolean brief;

    StatusCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() throws InterruptedException {
        PrintStream out = stack.console().out();
        StackLayout layout = stack.layout();
        Sizing sizing = stack.sizing();
        boolean down = false;
        if (sizing == Sizing.CONTAINERS) {
            out.println("in containers (" + layout.containerPrefix() + "-*) with the memory and CPU of k8s/base");
        }
        if (stack.alive(Broker.NAME) && Probes.portOpen(layout.ports().kafka())) {
            long pid = stack.pids().read(Broker.NAME).orElse(-1L);
            out.println(sizing == Sizing.CONTAINERS
                    // its memory against its limit too, in the column of the services'
                    ? String.format("%-12s %-8s pid %-8s %-41s %s", Broker.NAME, "up", pid, layout.bootstrap(),
                            memory(Broker.NAME, sizing))
                    : String.format("%-12s %-8s pid %-8s %s", Broker.NAME, "up", pid, layout.bootstrap()));
        } else {
            printDown(out, Broker.NAME, sizing);
            down = true;
        }
        for (Service service : Service.values()) {
            if (!stack.alive(service.label())) {
                printDown(out, service.label(), sizing);
                down = true;
            }
            for (Instance instance : stack.running(service)) {
                int port = layout.ports().of(instance);
                String health = Probes.answer(port, "/q/health/ready")
                        .map(r -> STATUS.matcher(r.body().replaceAll("[ \n]", ""))).filter(Matcher::find)
                        .map(m -> m.group(1)).orElse("");
                out.println(String.format("%-12s %-8s pid %-8s http://localhost:%s  ready: %-10s %s", instance, "up",
                        stack.pids().read(instance.name()).orElse(-1L), port,
                        health.isEmpty() ? "no answer" : health, memory(instance.name(), sizing)));
                down |= !health.equals("UP");
            }
        }
        if (stack.alive(Monitoring.NAME)) {
            out.println(String.format("%-12s %-8s pid %-8s http://localhost:%s", Monitoring.NAME, "up",
                    stack.pids().read(Monitoring.NAME).orElse(-1L), layout.ports().prometheus()));
        }
        if (!brief && stack.alive(Broker.NAME)) {
            out.println();
            out.flush();
            StatusReport.main(new String[] {"--bootstrap", layout.bootstrap(),
                "--ingest", "http://127.0.0.1:" + layout.ports().of(Service.INGEST),
                "--processor", "http://127.0.0.1:" + layout.ports().of(Service.PROCESSOR),
                "--gateway", "http://127.0.0.1:" + layout.ports().of(Service.GATEWAY)});
        }
        return down ? 1 : 0;
    }

    /** A component that does not run, and why when its container's memory limit killed it. */
    private void printDown(PrintStream out, String name, Sizing sizing) {
        if (sizing == Sizing.CONTAINERS && stack.containers().oomKilled(name)) {
            out.println(String.format("%-12s %-8s killed by its memory limit of %s MiB (the kernel's OOM kill; "
                    + "container %s)", name, "OOM", stack.manifests().memoryLimitMib(Stack.serviceOf(name)),
                    stack.containers().nameOf(name)));
        } else {
            out.println(String.format("%-12s %-8s", name, "down"));
        }
    }

    /**
     * Resident memory; with the Kubernetes sizing the limit it must stay under, and in a container its peak, which
     * must stay under it too (the cgroup kills it otherwise).
     */
    private String memory(String name, Sizing sizing) {
        long pid = stack.pids().read(name).orElse(-1L);
        long rss = procStatusMib(pid, "VmRSS");
        return switch (sizing) {
            case LOCAL -> "rss " + rss + " MiB";
            case K8S -> "rss " + rss + " of " + stack.manifests().memoryLimitMib(Stack.serviceOf(name)) + " MiB";
            case CONTAINERS -> "rss " + rss + " of " + stack.manifests().memoryLimitMib(Stack.serviceOf(name))
                    + " MiB, peak " + procStatusMib(pid, "VmHWM");
        };
    }

    /** A {@code /proc/PID/status} field in kB, as MiB; 0 for a process that is gone. */
    static long procStatusMib(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
