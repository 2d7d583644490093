package io.tickstock.stack.command;

import io.tickstock.stack.control.Broker;
import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Probes;
import io.tickstock.stack.control.Services;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import io.tickstock.stack.layout.Service;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock scale processor|gateway N}: more (or fewer) instances on the running stack. */
@Command(name = "scale")
final class ScaleCommand extends HelpedCommand {


    @Parameters List<String> arguments = List.of();

    ScaleCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() {
        if (arguments.isEmpty()) {
            stack.console().err().print(HelpText.of("scale", stack.layout()));
            throw new StackException("scale: which service? e.g. ./tickstock scale processor 2");
        }
        String name = arguments.get(0);
        if (name.equals("ingest")) {
            throw new StackException("scale: the ingest service runs once (one feed connection, as in Kubernetes); "
                    + "scale the processor or the gateway.");
        }
        Service service = Service.labelled(name).filter(s -> s != Service.INGEST).orElseThrow(() ->
                new StackException("scale: unknown service '" + name + "'; choose processor or gateway."));
        String wanted = arguments.size() > 1 ? arguments.get(1) : "";
        int count = count(wanted, "scale: how many instances of the " + name + "? A number from 1 to 9, e.g. "
                + "./tickstock scale " + name + " 2");
        if (!stack.alive(Broker.NAME) || !Probes.portOpen(stack.layout().ports().kafka())) {
            throw new StackException("scale needs the running stack: start it with ./tickstock up first.");
        }
        new Builds(stack).services(false);
        Services services = new Services(stack);
        services.startInstances(service, count);
        services.awaitInstances(service, count);
        services.stopInstancesAbove(service, count);
        stack.console().info(name + ": " + stack.running(service).stream()
                .map(i -> i + " (:" + stack.layout().ports().of(i) + ")").collect(Collectors.joining(" ")));
        return 0;
    }

    /** A count of instances: 1 to 9. */
    static int count(String value, String otherwise) {
        if (!value.matches("[1-9]")) {
            throw new StackException(otherwise);
        }
        return Integer.parseInt(value);
    }
}
