package io.tickstock.gateway.compat;

import io.quarkus.websockets.next.WebSocket;
import io.tickstock.gateway.socket.ProtocolEndpoint;
import io.tickstock.gateway.socket.View;

/** The compatibility view {@code /ws/v1/stock_data}: the same connection protocol, the older batch shape. */
@WebSocket(path = "/ws/v1/stock_data")
public class StockDataEndpoint extends ProtocolEndpoint {

    @Override
    protected View view() {
        return StockDataView.INSTANCE;
    }
}
