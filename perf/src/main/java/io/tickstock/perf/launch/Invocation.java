package io.tickstock.perf.launch;

import io.tickstock.stack.control.Console;
import io.tickstock.stack.layout.StackLayout;
import java.nio.file.Path;
import java.util.Map;

/** Where {@code ./tickstock perf} or {@code chaos} was run: the repository, the user's environment, the terminal. */
record Invocation(Path root, Map<String, String> env, Console console) {

    Invocation {
        root = root.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /** The user's stack: its home, ports and settings as the environment gives them. */
    StackLayout layout() {
        return StackLayout.fromEnvironment(root, env);
    }

    Path results() {
        return root.resolve("perf/results");
    }
}
