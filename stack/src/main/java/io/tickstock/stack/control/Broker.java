package io.tickstock.stack.control;

import io.tickstock.model.Topics;
import io.tickstock.stack.container.ContainerRun;
import io.tickstock.stack.container.ImageUser;
import io.tickstock.stack.container.Images;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.process.Launch;
import io.tickstock.stack.process.OwnProcesses;
import io.tickstock.stack.sizing.ContainerLimits;
import io.tickstock.stack.sizing.JvmOptions;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/** The stack's single-node KRaft broker (broker and controller in one), as a process or in its container. */
public final class Broker {

    public static final String NAME = "kafka";
    static final Duration START = Duration.ofSeconds(60);
    // the broker image runs as this user: its data folder must be its own

    private final Stack stack;

    public Broker(Stack stack) {
        this.stack = stack;
    }

    /** Starts it unless it runs, and waits until it accepts connections. */
    public void start() {
        StackLayout layout = stack.layout();
        if (stack.alive(NAME)) {
            stack.console().info("Kafka already running on " + layout.bootstrap() + " (pid "
                    + stack.pids().read(NAME).orElseThrow() + ")");
            return;
        }
        stack.ensurePortFree(layout.ports().kafka(), "the Kafka broker", "TICKSTOCK_KAFKA_PORT");
        stack.ensurePortFree(layout.ports().controller(), "the Kafka controller", "TICKSTOCK_CONTROLLER_PORT");
        Directories.create(stack.home().logs(), stack.home().pids(), stack.home().kafkaData());
        stack.started(NAME);
        if (stack.sizing() == Sizing.CONTAINERS) {
            startContainer();
        } else {
            startProcess();
        }
        stack.awaitUntil(START, "Kafka accepting connections on " + layout.bootstrap(), NAME,
                () -> Probes.portOpen(layout.ports().kafka()));
    }

    private void startProcess() {
        Path root = stack.layout().root();
        Path config = stack.home().kafka().resolve("server.properties");
        writeConfig(config);
        if (!Files.exists(stack.home().kafkaData().resolve("meta.properties"))) {
            stack.console().info("formatting Kafka storage in " + stack.home().kafkaData() + " (once)");
            List<String> format = tool("kafka.tools.StorageTool", "format", "--standalone", "-t",
                    Uuid.randomUuid().toString(), "-c", config.toString());
            if (Commands.runLogged(root, format, stack.home().log(NAME)) != 0) {
                throw new StackException("formatting Kafka storage failed; see " + stack.home().log(NAME));
            }
        }
        stack.console().info("starting Kafka on " + stack.layout().bootstrap());
        List<String> command = new ArrayList<>(List.of(Launch.java(), OwnProcesses.componentMarker(NAME),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC"));
        command.addAll(JvmOptions.JIT_BEHIND_SERVING);
        command.addAll(List.of("-cp", stack.home().kafkaLibs() + "/*",
                "-Dlog4j2.configurationFile=" + root.resolve("deploy/local/log4j2.properties"), "kafka.Kafka",
                config.toString()));
        new Launch(NAME, command, stack.layout().env(), stack.home().log(NAME)).start(stack.pids());
    }

    /** deploy/local/server.properties with this stack's ports and data folder. */
    private void writeConfig(Path config) {
        try {
            String template = Files.readString(stack.layout().root().resolve("deploy/local/server.properties"));
            Files.writeString(config, template
                    .replace("@KAFKA_PORT@", Integer.toString(stack.layout().ports().kafka()))
                    .replace("@CONTROLLER_PORT@", Integer.toString(stack.layout().ports().controller()))
                    .replace("@DATA_DIR@", stack.home().kafkaData().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kafka CLI tool of the assembled jars, with the quiet logging of deploy/local. */
    private List<String> tool(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Launch.java(), "-Xmx256m", "-cp",
                stack.home().kafkaLibs() + "/*", "-Dlog4j2.configurationFile="
                        + stack.layout().root().resolve("deploy/local/tools-log4j2.properties"), main));
        command.addAll(List.of(args));
        return command;
    }

    /** The broker image with its data in the home's kafka/data, as the process broker keeps it. */
    private void startContainer() {
        Path data = stack.home().kafkaData();
        Services.chown(ImageUser.KAFKA.idText(), data);
        String container = stack.containers().nameOf(NAME);
        stack.console().info("starting Kafka on " + stack.layout().bootstrap() + " in " + container + " ("
                + ContainerLimits.summary(NAME, stack.manifests()) + ")");
        ContainerRun run = new ContainerRun(container, Images.kafka(stack.layout().root()), stack.home().dir(),
                stack.home().log(NAME), ContainerLimits.of(NAME, stack.manifests()),
                List.of("-v", data + ":/var/lib/kafka/data"), Map.of(
                        "KAFKA_PORT", Integer.toString(stack.layout().ports().kafka()),
                        "CONTROLLER_PORT", Integer.toString(stack.layout().ports().controller()),
                        "KAFKA_HEAP_OPTS", String.join(" ", stack.manifests().kafkaHeapOptions()),
                        "JAVA_OPTS", OwnProcesses.componentMarker(NAME)));
        Services.startContainer(stack, NAME, run);
    }

    /** The topics of SPEC §2 that do not exist yet, with the stack's partitions and replication 1. */
    public void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().bootstrap());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    stack.console().info("creating topic " + topic + " (" + stack.layout().partitions()
                            + " partitions)");
                    admin.createTopics(List.of(new NewTopic(topic, stack.layout().partitions(), (short) 1))).all()
                            .get();
                }
            }
        } catch (ExecutionException e) {
            throw new StackException("creating the topics failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted creating the topics");
        }
    }
}
