package io.tickstock.stack.command;

import io.tickstock.stack.control.Broker;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock logs [NAME] [-f]}: the end of every log, or one component's, followed if asked. */
@Command(name = "logs")
final class LogsCommand extends HelpedCommand {

    private static final Pattern NAMES = Pattern.compile("kafka|processor|gateway|ingest|processor-[1-9]|gateway-[1-9]");


    @Option(names = {"-f", "--follow"}) boolean follow;
    @Parameters List<String> names = List.of();

    LogsCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() throws IOException, InterruptedException {
        PrintStream out = stack.console().out();
        for (String name : names) {
            if (!NAMES.matcher(name).matches()) {
                throw new StackException("logs: unknown service '" + name + "'; choose kafka, processor, gateway or "
                        + "ingest (processor-2, gateway-2: further instances).");
            }
        }
        if (names.isEmpty()) {
            List<String> all = new ArrayList<>(List.of(Broker.NAME));
            for (Service service : List.of(Service.PROCESSOR, Service.GATEWAY)) {
                stack.pids().started(service).forEach(i -> all.add(i.name()));
            }
            all.add(Instance.first(Service.INGEST).name());
            for (String name : all) {
                if (Files.exists(stack.home().log(name))) {
                    out.println("=== " + name + " (" + stack.home().log(name) + ")");
                    out.println(stack.logTail(name, 15));
                }
            }
            return 0;
        }
        String name = names.get(names.size() - 1);
        if (!Files.exists(stack.home().log(name))) {
            throw new StackException("no log for " + name + " yet: it has not been started (" + stack.home().log(name)
                    + ").");
        }
        if (!follow) {
            out.println(stack.logTail(name, 100));
            return 0;
        }
        // followed until Ctrl-C: by podman for a container (its log without the stream prefixes), else by tail
        List<String> command = stack.sizing() == Sizing.CONTAINERS && stack.containers().exists(name)
                ? List.of("podman", "--cgroup-manager=cgroupfs", "--runtime", "runc", "logs", "--tail", "100", "-f",
                        stack.containers().nameOf(name))
                : List.of("tail", "-n", "100", "-f", stack.home().log(name).toString());
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
