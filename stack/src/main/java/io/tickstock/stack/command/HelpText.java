package io.tickstock.stack.command;

import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A command's help, written as prose beside it ({@code up.txt}, ...) rather than generated from its options: the
 * operator reads what each choice means and costs. {@code ${bootstrap}} and the ports are this stack's.
 */
public final class HelpText {

    private HelpText() {
    }

    static String of(String command, StackLayout layout) {
        return of(HelpText.class, command, layout);
    }

    /** The help {@code COMMAND.txt} in the package of {@code anchor}: perf's commands keep theirs beside them. */
    public static String of(Class<?> anchor, String command, StackLayout layout) {
        try (InputStream in = anchor.getResourceAsStream(command + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${bootstrap}", layout.bootstrap())
                    .replace("${partitions}", Integer.toString(layout.partitions()))
                    .replace("${prometheus.port}", Integer.toString(layout.ports().prometheus()));
            for (Service service : Service.values()) {
                text = text.replace("${" + service.label() + ".port}", Integer.toString(layout.ports().of(service)))
                        .replace("${" + service.label() + "-2.port}",
                                Integer.toString(layout.ports().of(new Instance(service, 2))));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
