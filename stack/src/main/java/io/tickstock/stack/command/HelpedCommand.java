package io.tickstock.stack.command;

import io.tickstock.stack.control.Stack;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A command of the stack with its prose help ({@code -h}, {@code --help}: see {@link HelpText}). */
abstract class HelpedCommand implements Callable<Integer> {

    protected final Stack stack;

    @Option(names = {"-h", "--help"}) boolean help;

    HelpedCommand(Stack stack) {
        this.stack = stack;
    }

    @Override
    public final Integer call() throws Exception {
        if (help) {
            stack.console().out().print(HelpText.of(getClass().getAnnotation(Command.class).name(), stack.layout()));
            return 0;
        }
        return run();
    }

    /** What the command does; its exit code. */
    abstract int run() throws Exception;

    /** For a command that takes none: whether it was given no {@code arguments}; if it was, says so. */
    boolean noArguments(List<String> arguments) {
        if (!arguments.isEmpty()) {
            stack.console().err().println("tickstock: " + getClass().getAnnotation(Command.class).name()
                    + ": takes no arguments.");
        }
        return arguments.isEmpty();
    }
}
