package io.tickstock.stack.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theDefaultsAreTheDocumentedPorts() {
        Ports ports = Ports.fromEnvironment(Map.of());

        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.controller()).isEqualTo(9093);
        assertThat(ports.prometheus()).isEqualTo(9090);
        assertThat(ports.of(Service.GATEWAY)).isEqualTo(8080);
        assertThat(ports.of(Service.INGEST)).isEqualTo(8081);
        assertThat(ports.of(Service.PROCESSOR)).isEqualTo(8082);
    }

    @Test
    void instanceNListensOnTheServicesPortPlusTheStepTimesNMinusOne() {
        Ports ports = Ports.fromEnvironment(Map.of());

        assertThat(ports.of(Instance.first(Service.PROCESSOR))).isEqualTo(8082);
        assertThat(ports.of(new Instance(Service.PROCESSOR, 2))).isEqualTo(8092);
        assertThat(ports.of(new Instance(Service.GATEWAY, 3))).isEqualTo(8100);
    }

    @Test
    void everyPortAndTheStepCanBeMovedInTheEnvironment() {
        Ports ports = Ports.fromEnvironment(Map.of("TICKSTOCK_KAFKA_PORT", "19092", "TICKSTOCK_CONTROLLER_PORT", "19093",
                "TICKSTOCK_PROMETHEUS_PORT", "19090", "TICKSTOCK_GATEWAY_PORT", "18080", "TICKSTOCK_INGEST_PORT",
                "18081", "TICKSTOCK_PROCESSOR_PORT", "18082", "TICKSTOCK_INSTANCE_PORT_STEP", "100"));

        assertThat(ports.kafka()).isEqualTo(19092);
        assertThat(ports.controller()).isEqualTo(19093);
        assertThat(ports.prometheus()).isEqualTo(19090);
        assertThat(ports.of(Service.INGEST)).isEqualTo(18081);
        assertThat(ports.of(new Instance(Service.GATEWAY, 2))).isEqualTo(18180);
        assertThat(ports.of(new Instance(Service.PROCESSOR, 3))).isEqualTo(18282);
    }

    @Test
    void aPortThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("TICKSTOCK_GATEWAY_PORT", "eighty")))
                .hasMessage("TICKSTOCK_GATEWAY_PORT must be a number, not 'eighty'.");
    }
}
