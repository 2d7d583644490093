package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JS client library's cursor (once per frame, on its last event) and its resume, fed frames without a gateway. */
class JsClientCursorTest {

    @Test
    void theClientKeepsTheCursorOfTheLastFrameItHandledAndSubscribesWithIt() {
        try (NodeScript script = NodeScript.start("client-cursor.mjs")) {
            assertThat(script.await("RESULT", Duration.ofSeconds(60))).isEqualTo("ok");
            assertThat(script.output().lines().filter(line -> line.startsWith("CHECK ")).count()).isEqualTo(6);
        }
    }
}
