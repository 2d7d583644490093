package io.tickstock.stack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstanceTest {

    @ParameterizedTest
    @CsvSource({"processor, PROCESSOR, 1", "processor-2, PROCESSOR, 2", "gateway-9, GATEWAY, 9", "gateway-12, GATEWAY, 12",
        "ingest, INGEST, 1"})
    void aNameIsItsServiceAndNumber(String name, Service service, int number) {
        Instance instance = Instance.named(name).orElseThrow();

        assertThat(instance).isEqualTo(new Instance(service, number));
        assertThat(instance.name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "prometheus", "processor-1", "processor-0", "processor-x", "Processor", "gateway-",
        ""})
    void otherNamesAreNoInstance(String name) {
        assertThat(Instance.named(name)).isEmpty();
    }

    @Test
    void instancesSortByServiceThenNumberNotByName() {
        List<Instance> sorted = List.of(new Instance(Service.PROCESSOR, 10), new Instance(Service.PROCESSOR, 2),
                Instance.first(Service.PROCESSOR)).stream().sorted().toList();

        assertThat(sorted).extracting(Instance::name).containsExactly("processor", "processor-2", "processor-10");
    }
}
