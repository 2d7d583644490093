package io.tickstock.stack.control;

import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the stack runs that has to be built: the services' jars, the broker's jars, the container images. */
public final class Builds {

    private final Stack stack;

    public Builds(Stack stack) {
        this.stack = stack;
    }

    /** The services and the operator tools, when one is missing or {@code force}. */
    public void services(boolean force) {
        Path root = stack.layout().root();
        boolean missing = Arrays.stream(Service.values()).anyMatch(s -> !Files.exists(s.jar(root)))
                || !Files.exists(root.resolve("tools/target/tickstock-tools.jar"));
        if (force || missing) {
            stack.console().info("building the services (mvn package, tests skipped; './tickstock test' runs them)");
            maven(List.of("-DskipTests", "package", "-pl", "ingest-service,channel-processor,ws-gateway,tools", "-am"));
        }
    }

    /** A real Kafka KRaft broker's jars, from Maven Central through deploy/kafka-runtime, once per home. */
    public void kafkaRuntime() {
        Path libs = stack.home().kafkaLibs();
        if (Files.exists(libs.resolve(".complete"))) {
            return;
        }
        stack.console().info("assembling Kafka " + AppInfoParser.getVersion() + " from Maven Central into " + libs
                + " (once)");
        Directories.deleteTree(libs);
        maven(List.of("-f", "deploy/kafka-runtime/pom.xml", "dependency:copy-dependencies", "-DincludeScope=runtime",
                "-DoutputDirectory=" + libs));
        try {
            Files.createFile(libs.resolve(".complete"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The container images that are missing or older than their jars (every one with {@code all}). */
    public void images(boolean all) {
        new ImageBuilds(stack).build(!all);
    }

    private void maven(List<String> args) {
        if (!Commands.onPath("mvn")) {
            throw new StackException("Maven is needed to build TickStock and 'mvn' is not on the PATH. Install Maven "
                    + "3.8+ (e.g. 'apt-get install maven') and try again.");
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never"));
        command.addAll(args);
        int exit = Commands.run(stack.layout().root(), command);
        if (exit != 0) {
            throw new StackException(String.join(" ", command) + " failed (exit " + exit + "; output above).");
        }
    }
}
