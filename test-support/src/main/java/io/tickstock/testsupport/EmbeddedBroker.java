package io.tickstock.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** An in-JVM KRaft broker (combined broker and controller), for machines without Docker. */
final class EmbeddedBroker implements TestBroker.RunningBroker {

    private final EmbeddedKafkaBroker broker;

    private EmbeddedBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static EmbeddedBroker start() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(freePort())
                .withControllerPort(freePort())
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> props.putAll(TestBroker.singleNodeSettings()))
                .start();
        return new EmbeddedBroker(broker);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    @Override
    public String kind() {
        return "in-JVM KRaft";
    }

    @Override
    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
    }

    @Override
    public void close() {
        broker.close();
    }
}
