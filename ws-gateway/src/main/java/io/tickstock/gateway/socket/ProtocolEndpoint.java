package io.tickstock.gateway.socket;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;

/**
 * The connection protocol both endpoints speak (connect, auth, limits, ping, errors); a subclass names its path and
 * its {@link View}.
 */
public abstract class ProtocolEndpoint {

    @Inject
    ClientRegistry clients;

    @Inject
    ClientActions actions;

    protected abstract View view();

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        clients.open(connection, view());
    }

    @OnTextMessage
    public void onMessage(String text, WebSocketConnection connection) {
        ClientSession session = clients.get(connection);
        if (session != null) {
            actions.handle(session, text);
        }
    }

    @OnBinaryMessage
    public void onBinary(Buffer data, WebSocketConnection connection) {
        ClientSession session = clients.get(connection);
        if (session != null) {
            actions.binary(session);
        }
    }

    @OnPongMessage
    public void onPong(Buffer data, WebSocketConnection connection) {
        ClientSession session = clients.get(connection);
        if (session != null) {
            session.heard(System.nanoTime());
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        clients.close(connection);
    }
}
