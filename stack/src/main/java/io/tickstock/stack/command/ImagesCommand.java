package io.tickstock.stack.command;

import io.tickstock.stack.control.ImageBuilds;
import io.tickstock.stack.control.Stack;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock images}: builds the stack's container images and lists them with their sizes. */
@Command(name = "images")
final class ImagesCommand extends HelpedCommand {

    @Option(names = "--stale") boolean stale;
    @Parameters List<String> arguments = List.of();

    ImagesCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() {
        if (!noArguments(arguments)) {
            return 1;
        }
        ImageBuilds images = new ImageBuilds(stack);
        images.build(stale);
        images.sizes().forEach(stack.console().out()::println);
        return 0;
    }
}
