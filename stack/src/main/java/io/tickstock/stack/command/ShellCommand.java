package io.tickstock.stack.command;

import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.sizing.JvmOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the commands still written in bash ({@code trace}, {@code replay}, {@code kafka}, {@code images}) ask of the
 * stack, so that the layout, liveness and builds have one source.
 */
@Command(name = "shell", hidden = true, subcommands = {ShellCommand.Layout.class, ShellCommand.Running.class,
    ShellCommand.Prepare.class})
final class ShellCommand {

    /** The layout as bash assignments, for {@code eval}. */
    @Command(name = "layout")
    static final class Layout implements Callable<Integer> {
        private final Stack stack;

        Layout(Stack stack) {
            this.stack = stack;
        }

        @Override
        public Integer call() {
            StackLayout layout = stack.layout();
            PrintStream out = stack.console().out();
            assign(out, "STATE", stack.home().dir().toString());
            assign(out, "KAFKA_LIBS", stack.home().kafkaLibs().toString());
            assign(out, "LOGS", stack.home().logs().toString());
            assign(out, "PIDS", stack.home().pids().toString());
            assign(out, "BOOTSTRAP", layout.bootstrap());
            assign(out, "JIT_BEHIND_SERVING", String.join(" ", JvmOptions.JIT_BEHIND_SERVING));
            // -g: bash evaluates these in a function (load_layout), and they are the script's
            StringBuilder ports = new StringBuilder("declare -gA PORT=(");
            StringBuilder modules = new StringBuilder("declare -gA MODULE=(");
            for (Service service : Service.values()) {
                ports.append('[').append(service.label()).append("]=").append(layout.ports().of(service)).append(' ');
                modules.append('[').append(service.label()).append("]=").append(service.module()).append(' ');
            }
            out.println(ports.toString().trim() + ")");
            out.println(modules.toString().trim() + ")");
            return 0;
        }

        private static void assign(PrintStream out, String name, String value) {
            out.println(name + "='" + value.replace("'", "'\\''") + "'");
        }
    }

    /** Which of the named components run, one a line. */
    @Command(name = "running")
    static final class Running implements Callable<Integer> {
        private final Stack stack;

        @Parameters List<String> names = List.of();

        Running(Stack stack) {
            this.stack = stack;
        }

        @Override
        public Integer call() {
            names.stream().filter(stack::alive).forEach(stack.console().out()::println);
            return 0;
        }
    }

    /** The services' jars and the broker's, when missing. */
    @Command(name = "prepare")
    static final class Prepare implements Callable<Integer> {
        private final Stack stack;

        @Option(names = "--services") boolean services;
        @Option(names = "--kafka") boolean kafka;

        Prepare(Stack stack) {
            this.stack = stack;
        }

        @Override
        public Integer call() {
            Builds builds = new Builds(stack);
            if (services) {
                builds.services(false);
            }
            if (kafka) {
                builds.kafkaRuntime();
            }
            return 0;
        }
    }
}
