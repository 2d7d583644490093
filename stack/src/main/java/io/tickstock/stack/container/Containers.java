package io.tickstock.stack.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The stack's containers, named {@code PREFIX-COMPONENT} and labelled with its home. */
public final class Containers {

    private final Podman podman;
    private final String prefix;
    private final Path home;
    private final Supplier<String> kernelLog;

    /** {@code kernelLog}: the kernel's ring buffer ({@code dmesg}), where an OOM kill is named. */
    public Containers(Podman podman, String prefix, Path home, Supplier<String> kernelLog) {
        this.podman = podman;
        this.prefix = prefix;
        this.home = home;
        this.kernelLog = kernelLog;
    }

    public static Containers of(String prefix, Path home) {
        return new Containers(new Podman(), prefix, home, Containers::dmesg);
    }

    public String nameOf(String component) {
        return prefix + "-" + component;
    }

    /**
     * Removes any earlier container of that name, starts {@code run} from the home's containers folder, and returns
     * the pid of its main process as the host sees it.
     */
    public long start(ContainerRun run, Path workingDir) {
        podman.run(List.of("rm", "-f", "--ignore", run.container()));
        Podman.Result started = podman.run(workingDir, run.arguments());
        if (!started.ok()) {
            throw new IllegalStateException("podman could not start " + run.container() + ": " + started.output().trim());
        }
        Podman.Result pid = podman.run(List.of("inspect", "--format", "{{.State.Pid}}", run.container()));
        return Long.parseLong(pid.output().trim());
    }

    public boolean exists(String component) {
        return podman.run(List.of("container", "exists", nameOf(component))).ok();
    }

    /** {@code podman kill -s KILL}: what chaos kill means for a container. */
    public void kill(String component) {
        podman.run(List.of("kill", "-s", "KILL", nameOf(component)));
    }

    /** The last {@code lines} of its log, through podman (which reads the same file without its stream prefixes). */
    public String logTail(String component, int lines) {
        return podman.run(List.of("logs", "--tail", Integer.toString(lines), nameOf(component))).output();
    }

    /**
     * Whether its memory limit killed the container of {@code component}: podman's OOMKilled, or else the kernel's
     * log. On this machine (cgroup v1, podman 4.3) conmon leaves its oom marker in its working directory, podman does
     * not find it and reports false for a container whose JVM the kernel killed ("oom-kill: ... libpod-ID ...").
     */
    public boolean oomKilled(String component) {
        Podman.Result state = podman.run(List.of("inspect", "--format", "{{.Id}} {{.State.OOMKilled}}",
                nameOf(component)));
        if (!state.ok()) {
            return false;
        }
        String[] fields = state.output().trim().split("\\s+");
        return fields.length == 2 && (fields[1].equals("true") || oomKillNames(kernelLog.get(), fields[0]));
    }

    static boolean oomKillNames(String kernelLog, String containerId) {
        return kernelLog.lines().anyMatch(line -> line.contains("oom-kill:") && line.contains("libpod-" + containerId));
    }

    /** Every container of this stack (running or ended): {@code down} removes them after stopping what ran. */
    public void removeAll() {
        Podman.Result ids = podman.run(List.of("ps", "-a", "-q", "--filter", "label=" + ContainerRun.HOME_LABEL + "=" + home));
        List<String> found = ids.output().lines().filter(line -> !line.isBlank()).toList();
        if (!found.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(found);
            podman.run(args);
        }
    }

    private static String dmesg() {
        try {
            Process process = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
