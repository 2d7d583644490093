package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.testsupport.WsTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The container smoke of every build (issue 14): {@code ./tickstock images} builds the images with podman,
 * {@code ./tickstock up --containers} runs the stack in them under the limits of k8s/base, a real WebSocket client
 * gets events from the simulator, a gateway that outgrows its memory limit is reported as killed by it, and
 * {@code ./tickstock down} leaves no container and no port behind. The stack gets ports, a home and container names
 * of its own, so it runs beside anything else. No podman is a failure, not a skip: {@code ./tickstock} installs it
 * where it may, and says what to do where it may not.
 */
@Tag("integration")
class ContainerStackIT {

    private static final Path ROOT = Path.of(System.getProperty("tickstock.root", "..")).toAbsolutePath().normalize();
    private static final Path HOME = ROOT.resolve("e2e/target/container-stack");
    private static final String PREFIX = "tickstock-it";
    private static final Duration FIRST_EVENT = Duration.ofMinutes(2);

    private final Map<String, Integer> ports = freePorts("KAFKA", "CONTROLLER", "GATEWAY", "INGEST", "PROCESSOR");

    @Test
    void runsInContainersUnderItsLimitsDeliversEventsAndReportsAnOomKill() throws Exception {
        try {
            assertThat(tickstock(Duration.ofMinutes(15), "images")).contains("tickstock/kafka:", "tickstock/ws-gateway:",
                    "tickstock/channel-processor:", "tickstock/ingest-service:");
            tickstock(Duration.ofMinutes(5), "up", "--containers");

            try (WsTestClient client = WsTestClient.connect(
                    URI.create("ws://127.0.0.1:" + ports.get("GATEWAY") + "/ws/v1"))) {
                assertThat(client.next("status", FIRST_EVENT).path("status").asText()).isEqualTo("connected");
                client.send("{\"action\":\"subscribe\",\"params\":\"*.*\"}");
                assertThat(client.next("status", FIRST_EVENT).path("status").asText()).isEqualTo("subscribed");
                assertThat(client.next("event", FIRST_EVENT).path("id").asText()).isNotEmpty();
            }

            for (String line : podman("inspect", "--format",
                    "{{.Name}} {{.HostConfig.Memory}} {{.HostConfig.CpuShares}} {{.Config.User}}",
                    PREFIX + "-kafka", PREFIX + "-processor", PREFIX + "-gateway", PREFIX + "-ingest")) {
                String[] f = line.split(" ");
                assertThat(Long.parseLong(f[1])).as("memory limit of %s", f[0]).isPositive();
                assertThat(Long.parseLong(f[2])).as("CPU shares of %s", f[0]).isPositive();
                assertThat(f[3]).as("user of %s", f[0]).isNotIn("", "0", "root");
            }
            for (String component : List.of("kafka", "processor", "gateway", "ingest")) {
                podman("healthcheck", "run", PREFIX + "-" + component); // the image's HEALTHCHECK: exit 0 = healthy
            }
            assertThat(tickstock(Duration.ofMinutes(1), "status", "--brief")).contains("in containers");

            // a gateway whose heap does not fit its memory limit (512 MiB): the cgroup kills it, and both say so
            podman("kill", PREFIX + "-gateway");
            Result restart = run(tickstockCommand("restart", "gateway"),
                    env(Map.of("TICKSTOCK_GATEWAY_JAVA_OPTS", "-Xms1g -Xmx1g -XX:+AlwaysPreTouch")), Duration.ofMinutes(2));
            assertThat(restart.exit()).as(restart.output()).isNotZero();
            assertThat(restart.output()).contains("gateway was killed by its memory limit (");
            Result status = run(tickstockCommand("status", "--brief"), env(Map.of()), Duration.ofMinutes(1));
            assertThat(status.exit()).as(status.output()).isEqualTo(1);
            assertThat(status.output()).containsPattern("gateway +OOM +killed by its memory limit of [0-9]+ MiB");
        } finally {
            tickstock(Duration.ofMinutes(3), "down");
        }

        assertThat(podman("ps", "-a", "--format", "{{.Names}}", "--filter", "label=io.tickstock.home=" + HOME))
                .as("containers left after down").isEmpty();
        ports.forEach((name, port) -> assertThat(listening(port)).as("%s port %d after down", name, port).isFalse());
    }

    /** Runs ./tickstock with this stack's environment; its output, which must end in exit code 0. */
    private String tickstock(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(tickstockCommand(args), env(Map.of()), timeout).succeeded();
    }

    private static List<String> tickstockCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("tickstock").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** This stack's environment for ./tickstock: its home, container names and ports, and {@code extra}. */
    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("TICKSTOCK_HOME", HOME.toString());
        env.put("TICKSTOCK_CONTAINER_PREFIX", PREFIX);
        ports.forEach((name, port) -> env.put("TICKSTOCK_" + name + "_PORT", port.toString()));
        return env;
    }

    private static List<String> podman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman", "--cgroup-manager=cgroupfs", "--runtime", "runc"));
        command.addAll(List.of(args));
        return run(command, Map.of("DISABLE_HC_SYSTEMD", "true"), Duration.ofMinutes(1)).succeeded().lines()
                .filter(line -> !line.isBlank()).toList();
    }

    /** How a command ended: its exit code (-1: killed at its timeout) and its output, stderr included. */
    private record Result(String command, int exit, String output) {
        String succeeded() {
            assertThat(exit).as("%s exited %d; its output:%n%s", command, exit, output).isZero();
            return output;
        }
    }

    private static Result run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        Path output = Files.createTempFile(HOME, "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        return new Result(String.join(" ", command), ended ? process.exitValue() : -1, Files.readString(output));
    }

    private static Map<String, Integer> freePorts(String... names) {
        Map<String, Integer> ports = new HashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
            for (ServerSocket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
