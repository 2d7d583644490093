package io.tickstock.stack.command;

import io.tickstock.stack.control.Console;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import io.tickstock.stack.layout.StackLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The commands of {@code ./tickstock} that start, stop and look at the stack. The repository is the system property
 * {@code tickstock.root} (the script sets it), the rest of the layout comes from the environment.
 */
@Command(name = "tickstock", subcommands = {UpCommand.class, DownCommand.class, RestartCommand.class,
    ScaleCommand.class, StatusCommand.class, LogsCommand.class, ImagesCommand.class, ShellCommand.class})
public final class StackCommand {

    public static void main(String[] args) {
        StackLayout layout;
        try {
            layout = StackLayout.fromEnvironment(Path.of(System.getProperty("tickstock.root", ".")), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("tickstock: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(new Stack(layout, Console.system()), System.err, args));
    }

    /** Runs {@code args} on {@code stack}; the exit code (1: what the stack could not do, said on {@code err}). */
    public static int run(Stack stack, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new StackCommand(), new StackFactory(stack));
        return commandLine.setParameterExceptionHandler((e, unused) -> {
            String command = e.getCommandLine().getCommandName();
            String message = e instanceof UnmatchedArgumentException unmatched
                    ? "unknown option '" + unmatched.getUnmatched().get(0) + "'" : e.getMessage();
            err.println("tickstock: " + command + ": " + message + ". See './tickstock " + command + " --help'.");
            return 1;
        }).setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("tickstock: " + (e instanceof StackException ? "" : cmd.getCommandName() + ": ")
                    + e.getMessage());
            return 1;
        }).execute(args);
    }

    /** Gives every command the one stack. */
    private record StackFactory(Stack stack) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Stack.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(stack));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
