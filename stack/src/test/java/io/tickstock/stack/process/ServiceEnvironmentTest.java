package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final StackLayout layout = StackLayout.fromEnvironment(Path.of("/repo"), Map.of(
            "TICKSTOCK_HOME", "/stack", "TICKSTOCK_KAFKA_PORT", "19092", "TICKSTOCK_GATEWAY_PORT", "18080",
            "TICKSTOCK_JAVA_OPTS", " -Xlog:gc  -Dall=1 ", "TICKSTOCK_GATEWAY_JAVA_OPTS", "-Xmx1g"));

    @Test
    void aServiceGetsTheLocalProfileTheStacksBrokerAndItsInstancesPortOverWhatItsServiceAdds() {
        Map<String, String> env = ServiceEnvironment.of(layout, new Instance(Service.GATEWAY, 2),
                Map.of("EXTRA", "x", "QUARKUS_HTTP_PORT", "1"));

        assertThat(env).containsOnly(entry("QUARKUS_PROFILE", "local"), entry("EXTRA", "x"),
                entry("QUARKUS_HTTP_PORT", "18090"), entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
    }

    @Test
    void eachProcessorInstanceHasItsOwnStateDirectoryAndStaticMemberId() {
        assertThat(ServiceEnvironment.processor(layout.home(), Instance.first(Service.PROCESSOR), 0)).containsExactly(
                entry("KAFKA_STREAMS_STATE_DIR", "/stack/processor-state"),
                entry("KAFKA_STREAMS_GROUP_INSTANCE_ID", "tickstock-processor-local"),
                entry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "0"));
        assertThat(ServiceEnvironment.processor(layout.home(), new Instance(Service.PROCESSOR, 3), 1)).containsExactly(
                entry("KAFKA_STREAMS_STATE_DIR", "/stack/processor-state-3"),
                entry("KAFKA_STREAMS_GROUP_INSTANCE_ID", "tickstock-processor-local-3"),
                entry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1"));
    }

    @Test
    void theMarkerComesFirstThenEveryServicesOptionsThenThisServicesSoTheyWin() {
        assertThat(ServiceEnvironment.javaOptions(layout, new Instance(Service.GATEWAY, 2))).containsExactly(
                "-Dtickstock.component=gateway-2", "-Xlog:gc", "-Dall=1", "-Xmx1g");
        assertThat(ServiceEnvironment.userJavaOptions(layout, Service.INGEST)).containsExactly("-Xlog:gc", "-Dall=1");
    }

    @Test
    void theIngestOptionsUpKeepsAreNameValueWords() {
        assertThat(ServiceEnvironment.words("TICKSTOCK_INGEST_SOURCE=simulator TICKSTOCK_INGEST_SIMULATOR_PROFILE=demo\n"))
                .containsExactly(entry("TICKSTOCK_INGEST_SOURCE", "simulator"),
                        entry("TICKSTOCK_INGEST_SIMULATOR_PROFILE", "demo"));
    }
}
