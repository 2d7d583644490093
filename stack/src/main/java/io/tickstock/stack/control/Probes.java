package io.tickstock.stack.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Asking a component whether it answers: a TCP connect, or an HTTP GET of at most two seconds. */
public final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {
    }

    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The body of a 200 answer to {@code GET http://127.0.0.1:PORT/PATH}, else empty. */
    public static Optional<String> get(int port, String path) {
        return answer(port, path).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }

    /** Whatever it answered (a 503 of a not-ready service included); empty when it did not. */
    public static Optional<HttpResponse<String>> answer(int port, String path) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A Quarkus service's readiness: {@code /q/health/ready} answers 200. */
    public static boolean ready(int port) {
        return get(port, "/q/health/ready").isPresent();
    }

    public static boolean live(int port) {
        return get(port, "/q/health/live").isPresent();
    }
}
