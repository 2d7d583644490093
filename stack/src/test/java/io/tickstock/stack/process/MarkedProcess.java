package io.tickstock.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A harmless process whose command line carries a component's marker, as the stack's JVMs do: {@code sh -c 'sleep
 * 60' MARKER} (sh's $0). No JVM needs to start for the safety rules to be tried on a real process.
 */
public final class MarkedProcess {

    private MarkedProcess() {
    }

    public static Process start(String name) {
        return start(name, "trap 'exit 0' TERM; sleep 60 & wait");
    }

    /** {@code script} run by sh, named {@code -Dtickstock.component=NAME}. */
    public static Process start(String name, String script) {
        try {
            return new ProcessBuilder("sh", "-c", script, OwnProcesses.componentMarker(name)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
