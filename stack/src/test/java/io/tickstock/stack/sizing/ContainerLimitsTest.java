package io.tickstock.stack.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerLimitsTest {

    private final K8sManifests manifests = new K8sManifests(K8sManifestsTest.ROOT);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "processor | --memory 1280m --cpu-shares 512",
        "gateway   | --memory 512m --cpu-shares 512",
        "ingest    | --memory 512m --cpu-shares 256",
        "kafka     | --memory 4096m --cpu-shares 1024"})
    void theMemoryLimitAndCpuRequestOfTheManifestBecomeCgroupLimits(String component, String options) {
        assertThat(ContainerLimits.summary(component, manifests)).isEqualTo(options);
    }
}
