package io.tickstock.stack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the process of a component by its pid file, and only if its command line carries the component's marker: a
 * pid file can be stale and its pid reused by a stranger, which must never be signalled.
 */
public final class OwnProcesses {

    private final PidFiles pids;
    private final Path prometheusConfig;

    /** {@code prometheusConfig}: the configuration file only our Prometheus is started with. */
    public OwnProcesses(PidFiles pids, Path prometheusConfig) {
        this.pids = pids;
        this.prometheusConfig = prometheusConfig;
    }

    /** What only our process named {@code name} has on its command line (a whole word: hence the space). */
    public String marker(String name) {
        return name.equals("prometheus") ? "--config.file=" + prometheusConfig + " " : componentMarker(name) + " ";
    }

    /** The system property every JVM of the stack is started with. */
    public static String componentMarker(String name) {
        return "-Dtickstock.component=" + name;
    }

    /** The running process of component {@code name}, if it runs. */
    public Optional<ProcessHandle> find(String name) {
        return pids.read(name).flatMap(ProcessHandle::of).filter(p -> commandLine(p.pid()).contains(marker(name)));
    }

    public boolean alive(String name) {
        return find(name).isPresent();
    }

    /** The command line of {@code pid}, its arguments separated (and ended) by spaces; empty if it is gone. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    public PidFiles pids() {
        return pids;
    }
}
