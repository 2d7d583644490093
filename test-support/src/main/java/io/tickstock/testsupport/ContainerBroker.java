package io.tickstock.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a container, used where a Docker engine runs (developer laptops with Docker). */
final class ContainerBroker implements TestBroker.RunningBroker {

    private static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        // ask Testcontainers only where an engine could be: its probe logs errors on machines without one
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        TestBroker.singleNodeSettings()
                .forEach((key, value) -> container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String kind() {
        return "Testcontainers " + IMAGE;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
