package io.tickstock.stack.command;

import io.tickstock.stack.control.Components;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tickstock restart NAME...}: what an orchestrator does for a failed pod: starts each named component that
 * does not run with the options the stack was started with, and waits until it is ready.
 */
@Command(name = "restart")
final class RestartCommand extends HelpedCommand {


    @Option(names = "--no-wait") boolean noWait;
    @Parameters List<String> names = List.of();

    RestartCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() {
        if (names.isEmpty()) {
            throw new StackException("restart: which component? e.g. ./tickstock restart processor (see --help).");
        }
        new Components(stack).restart(names, !noWait);
        return 0;
    }
}
