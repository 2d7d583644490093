package io.tickstock.tools.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One service's HTTP side: readiness, liveness, and its metrics. A service that does not answer says so. */
final class ServiceProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final URI base;

    ServiceProbe(String name, URI base) {
        this.name = name;
        this.base = base;
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    /** UP, DOWN, or why there is no answer. */
    String health(String kind) {
        try {
            HttpResponse<String> response = get("/q/health/" + kind);
            JsonNode body = Json.mapper().readTree(response.body());
            return body.path("status").asText("HTTP " + response.statusCode());
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    MetricsText metrics() {
        try {
            HttpResponse<String> response = get("/q/metrics");
            return response.statusCode() == 200 ? MetricsText.parse(response.body()) : MetricsText.EMPTY;
        } catch (IOException e) {
            return MetricsText.EMPTY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MetricsText.EMPTY;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(3)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
