package io.tickstock.tools.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Trade;
import io.tickstock.model.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The protocol side of the trace's client (SPEC §8): auth when asked, subscribe to *.SYMBOL, report events. */
class GatewayTapTest {

    /** The socket side of a connection: records what the client sends. */
    static final class RecordingSocket implements WebSocket {
        final List<String> sent = new ArrayList<>();

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            sent.add(data.toString());
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public void request(long n) {
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final HopLog log = new HopLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final RecordingSocket socket = new RecordingSocket();

    @Test
    void subscribesAtOnceWhenNoAuthIsRequired() {
        GatewayTap tap = new GatewayTap("AAPL", Optional.empty(), log);

        tap.onText(socket, "[{\"ev\":\"status\",\"status\":\"connected\",\"auth\":\"none\"}]", true);

        assertThat(socket.sent).containsExactly("{\"action\":\"subscribe\",\"params\":\"*.AAPL\"}");
    }

    @Test
    void authenticatesFirstAndSubscribesAfterSuccess() {
        GatewayTap tap = new GatewayTap("AAPL", Optional.of("tok"), log);

        tap.onText(socket, "[{\"ev\":\"status\",\"status\":\"connected\",\"auth\":\"required\"}]", true);
        tap.onText(socket, "[{\"ev\":\"status\",\"status\":\"auth_success\"}]", true);

        assertThat(socket.sent).containsExactly("{\"action\":\"auth\",\"params\":\"tok\"}",
                "{\"action\":\"subscribe\",\"params\":\"*.AAPL\"}");
    }

    @Test
    void saysSoWhenTheGatewayWantsATokenItDoesNotHave() {
        GatewayTap tap = new GatewayTap("AAPL", Optional.empty(), log);

        tap.onText(socket, "[{\"ev\":\"status\",\"status\":\"connected\",\"auth\":\"required\"}]", true);

        assertThat(socket.sent).isEmpty();
        assertThat(text()).contains("asks for a token: pass --token");
    }

    @Test
    void reportsEventsSplitOverFragmentsAndErrors() throws Exception {
        GatewayTap tap = new GatewayTap("AAPL", Optional.empty(), log);
        Trade trade = Trade.of("AAPL", 4, "77", 190.25, 100, HopLogTest.PROVIDER_TS);
        String event = Json.mapper().writeValueAsString(HopLogTest.highOf(trade, HopLogTest.PROVIDER_TS, 0))
                .replaceFirst("\\{", "{\"ev\":\"event\",");
        String frame = "[" + event + ",{\"ev\":\"error\",\"code\":405,\"message\":\"too many\"}]";

        tap.onText(socket, frame.substring(0, 20), false);
        tap.onText(socket, frame.substring(20), true);

        assertThat(text()).contains("high id 3f2a9c0d1e2b").contains("ingest->client")
                .contains("error 405: too many");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
