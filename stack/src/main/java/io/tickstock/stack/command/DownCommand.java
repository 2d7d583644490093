package io.tickstock.stack.command;

import io.tickstock.stack.control.Lifecycle;
import io.tickstock.stack.control.Stack;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock down}: stops everything {@code up} started. */
@Command(name = "down")
final class DownCommand implements Callable<Integer> {

    private final Stack stack;

    @Option(names = {"-h", "--help"}) boolean help;
    @Parameters List<String> arguments = List.of();

    DownCommand(Stack stack) {
        this.stack = stack;
    }

    @Override
    public Integer call() {
        if (help) {
            stack.console().out().print(HelpText.of("down", stack.layout()));
            return 0;
        }
        if (!arguments.isEmpty()) {
            stack.console().err().println("tickstock: down: takes no arguments.");
            return 1;
        }
        down(stack);
        return 0;
    }

    static void down(Stack stack) {
        stack.console().info(new Lifecycle(stack).down() ? "everything stopped" : "nothing was running");
    }
}
