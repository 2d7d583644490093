package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/** The v1 client endpoint {@code /ws/v1} (SPEC §8). */
@WebSocket(path = "/ws/v1")
public class StreamEndpoint {

    private final ClientRegistry clients;
    private final ClientActions actions;

    public StreamEndpoint(ClientRegistry clients, ClientActions actions) {
        this.clients = clients;
        this.actions = actions;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        clients.open(connection).send(Frames.connected(false));
    }

    @OnTextMessage
    public void onMessage(String text, WebSocketConnection connection) {
        actions.handle(clients.get(connection), text);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        clients.close(connection);
    }
}
