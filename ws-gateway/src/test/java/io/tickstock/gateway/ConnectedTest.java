package io.tickstock.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.tickstock.testsupport.WsTestClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A service test with WebSocket clients: waits for readiness first, closes every client it opened after. */
public abstract class ConnectedTest {

    @TestHTTPResource("/")
    protected URI base;

    private final List<WsTestClient> clients = new ArrayList<>();

    @BeforeEach
    void awaitReadiness() {
        GatewayClients.awaitReady();
    }

    @AfterEach
    void closeClients() {
        synchronized (clients) {
            clients.forEach(WsTestClient::close);
        }
    }

    /** The URI of an endpoint of the gateway under test. */
    protected URI endpoint(String path) {
        return base.resolve(path);
    }

    /** Connects to {@code /ws/v1} and takes the {@code connected} status. */
    protected WsTestClient connect() {
        return connect("/ws/v1");
    }

    protected WsTestClient connect(String path) {
        return track(GatewayClients.connect(endpoint(path)));
    }

    /** Closes {@code client} after the test. */
    protected WsTestClient track(WsTestClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }
}
