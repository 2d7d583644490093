package io.tickstock.perf.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    private static final String METRICS = String.join("\n",
            "# TYPE jvm_memory_used_bytes gauge",
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1.048576E7",
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 2.097152E7",
            "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 8.388608E7",
            "");

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void heapIsTheSumOfTheHeapPoolsOnly() throws IOException {
        URI root = serve(METRICS);

        assertThat(ServiceMetrics.heapMb(root)).hasValue(30.0);
    }

    @Test
    void aServiceWithoutHeapMetricsOrAnAnswerGivesNoHeap() throws IOException {
        URI silent = serve("tickstock_other_total 1\n");
        server.stop(0);
        server = null;

        assertThat(ServiceMetrics.heapMb(silent)).isEmpty();
        assertThat(ServiceMetrics.heapMb(serve("tickstock_other_total 1\n"))).isEmpty();
    }

    private URI serve(String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/metrics", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
