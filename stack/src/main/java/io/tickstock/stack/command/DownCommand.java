package io.tickstock.stack.command;

import io.tickstock.stack.control.Lifecycle;
import io.tickstock.stack.control.Stack;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock down}: stops everything {@code up} started. */
@Command(name = "down")
final class DownCommand extends HelpedCommand {


    @Parameters List<String> arguments = List.of();

    DownCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() {
        if (!noArguments(arguments)) {
            return 1;
        }
        down(stack);
        return 0;
    }

    static void down(Stack stack) {
        stack.console().info(new Lifecycle(stack).down() ? "everything stopped" : "nothing was running");
    }
}
