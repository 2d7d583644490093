package io.tickstock.stack.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Topics;
import io.tickstock.stack.command.StackCommand;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stack module does, for real, what ./tickstock up, status, restart and down do: from a clean slate it starts a
 * Kafka broker, the topics, the three packaged services and Prometheus as processes; it brings back a gateway killed
 * with SIGKILL; and it stops everything, leaving no process and no port behind. Ports and a home of its own, so it
 * runs beside any other stack.
 */
@Tag("integration")
class StackIT {

    private static final Path ROOT = Path.of(System.getProperty("tickstock.root", "..")).toAbsolutePath().normalize();

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @Test
    void upStartsTheStackAsProcessesRestartBringsBackAKilledGatewayAndDownLeavesNothing() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TICKSTOCK_HOME", ROOT.resolve("stack/target/stack-it").toString());
        env.put("TICKSTOCK_PARTITIONS", "2");
        List<Integer> ports = freePorts(env, "KAFKA", "CONTROLLER", "GATEWAY", "INGEST", "PROCESSOR", "PROMETHEUS");
        Stack stack = new Stack(StackLayout.fromEnvironment(ROOT, env),
                new Console(new PrintStream(said, true), new PrintStream(errors, true)));
        try {
            assertThat(tickstock(stack, "up", "--source", "none", "--fresh", "--monitoring")).as(errors.toString())
                    .isZero();
            assertThat(topics(stack)).containsAll(Topics.ALL);
            assertThat(tickstock(stack, "status", "--brief")).as(said.toString()).isZero();
            assertThat(said.toString()).containsPattern("gateway +up +pid [0-9]+ +http://localhost:"
                    + stack.layout().ports().of(Service.GATEWAY) + " +ready: UP +rss [0-9]+ MiB");

            long firstPid = stack.process("gateway").orElseThrow().pid();
            assertThat(ProcessHandle.of(firstPid).flatMap(p -> p.info().arguments()).orElseThrow())
                    .contains("-Dtickstock.component=gateway", "-Xmx256m");
            new Components(stack).kill("gateway");
            assertThat(stack.alive("gateway")).isFalse();
            assertThat(tickstock(stack, "restart", "gateway")).as(errors.toString()).isZero();
            assertThat(stack.process("gateway").orElseThrow().pid()).isNotEqualTo(firstPid);
            assertThat(Probes.ready(stack.layout().ports().of(Instance.first(Service.GATEWAY)))).isTrue();
        } finally {
            tickstock(stack, "down");
        }

        for (String component : List.of("kafka", "processor", "gateway", "ingest", "prometheus")) {
            assertThat(stack.alive(component)).as(component).isFalse();
        }
        ports.forEach(port -> assertThat(Probes.portOpen(port)).as("port %d after down", port).isFalse());
        assertThat(said.toString()).contains("==> starting from a clean slate: no topics, no processor state",
                "==> starting Kafka on " + stack.layout().bootstrap(), "==> creating topic tickstock.events (2 partitions)",
                "==> processor ready", "==> ingest ready", "==> TickStock is up in", "(source: none; as processes with "
                + "the local heaps)", "==> stopping gateway", "==> stopping kafka", "==> everything stopped");
    }

    private int tickstock(Stack stack, String... args) {
        return StackCommand.run(stack, new PrintStream(errors, true), args);
    }

    private static List<String> topics(Stack stack) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().bootstrap());
        try (Admin admin = Admin.create(props)) {
            return new ArrayList<>(admin.listTopics().names().get());
        }
    }

    private static List<Integer> freePorts(Map<String, String> env, String... names) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.add(socket.getLocalPort());
                env.put("TICKSTOCK_" + name + "_PORT", Integer.toString(socket.getLocalPort()));
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }
}
