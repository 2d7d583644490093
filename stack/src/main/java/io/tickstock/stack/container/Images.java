package io.tickstock.stack.container;

import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of the stack's images: tagged with the project version without -SNAPSHOT, as k8s/ references them. */
public final class Images {

    private static final Pattern VERSION = Pattern.compile("(?m)^  <version>(.*)</version>");

    private Images() {
    }

    /** The JRE base image the others are built FROM. */
    public static String base(Path root) {
        return "tickstock/jre-base:" + version(root);
    }

    public static String kafka(Path root) {
        return "tickstock/kafka:" + version(root);
    }

    public static String of(Service service, Path root) {
        return "tickstock/" + service.module() + ":" + version(root);
    }

    static String version(Path root) {
        try {
            Matcher m = VERSION.matcher(Files.readString(root.resolve("pom.xml")));
            if (!m.find()) {
                throw new IllegalStateException("no project version in " + root.resolve("pom.xml"));
            }
            return m.group(1).replaceFirst("-SNAPSHOT$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
