package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.WebSocket;

/** The v1 client endpoint {@code /ws/v1} (SPEC §8). */
@WebSocket(path = "/ws/v1")
public class StreamEndpoint extends ProtocolEndpoint {

    @Override
    protected View view() {
        return StreamView.INSTANCE;
    }
}
