package io.tickstock.stack.command;

import io.tickstock.stack.control.Components;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tickstock restart NAME...}: what an orchestrator does for a failed pod: starts each named component that
 * does not run with the options the stack was started with, and waits until it is ready.
 */
@Command(name = "restart")
final class RestartCommand implements Callable<Integer> {

    private final Stack stack;

    @Option(names = {"-h", "--help"}) boolean help;
    @Option(names = "--no-wait") boolean noWait;
    @Parameters List<String> names = List.of();

    RestartCommand(Stack stack) {
        this.stack = stack;
    }

    @Override
    public Integer call() {
        if (help) {
            stack.console().out().print(HelpText.of("restart", stack.layout()));
            return 0;
        }
        if (names.isEmpty()) {
            throw new StackException("restart: which component? e.g. ./tickstock restart processor (see --help).");
        }
        new Components(stack).restart(names, !noWait);
        return 0;
    }
}
