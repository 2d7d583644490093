package io.tickstock.stack.process;

import io.tickstock.stack.layout.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One TickStock service started on its own, as users start it: its packaged Quarkus app in its own JVM, configured by
 * env, on a free port. Unlike a stack's component ({@link Launch}) it is the starter's child: no pid file, its exit
 * value and output are the starter's, and it ends with it. The end-to-end tests, the perf harness's smoke run and the
 * dedup audit's reference processor start their services with it. A service named by its module is found under the
 * repository root (the system property {@code tickstock.root}) and logs to {@code target/service-logs/NAME.log} of
 * the module running it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("tickstock.root", ".."));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final Duration READY_POLL = Duration.ofMillis(250);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the service of {@code module} on a free port with {@code env} on top of the caller's environment. */
    public static ServiceProcess start(String name, String module, Map<String, String> env) {
        return start("test-" + name, ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), 256,
                Path.of("target", "service-logs").resolve(name + ".log"), env);
    }

    /**
     * Starts the packaged Quarkus app {@code jar} as {@code component} (its {@code tickstock.component}, and its name
     * in messages) with a heap of {@code heapMb}, its output in {@code log}, on a free port, with {@code env} on top
     * of the caller's environment.
     */
    public static ServiceProcess start(String component, Path jar, int heapMb, Path log, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn package, or ./tickstock up)");
        }
        int port = freePort();
        Directories.create(log.toAbsolutePath().getParent());
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(Launch.java(), "-Xmx" + heapMb + "m",
                    "-Dtickstock.component=" + component, "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = new HashMap<>(env);
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().putAll(environment);
            return new ServiceProcess(component, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails with the service's log if it died. */
    public ServiceProcess awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + READY_WITHIN.toSeconds() + " s:\n"
                        + logText());
            }
            pause(READY_POLL);
        }
        return this;
    }

    private boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false; // refused while it boots
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    /** POSTs {@code json} to {@code path}. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit value of a process that has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, wherever it is (mid-transaction included), as in a crash. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process id, for sampling its resources. */
    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as an orchestrator stops it; SIGKILL if it does not exit in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
