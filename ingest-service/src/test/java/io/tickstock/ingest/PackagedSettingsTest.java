package io.tickstock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tickstock.ingest.IngestConfig.SourceKind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the service's own application.properties starts per profile: production never simulates prices unasked. */
class PackagedSettingsTest {

    @Test
    void aPackagedServiceReadsTheProvider() throws IOException {
        assertThat(configuration("prod").source()).isEqualTo(SourceKind.PROVIDER);
    }

    @Test
    void theLocalStackRunsTheSimulator() throws IOException {
        assertThat(configuration("local").source()).isEqualTo(SourceKind.SIMULATOR);
    }

    private static IngestConfig configuration(String profile) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(
                        PackagedSettingsTest.class.getResource("/application.properties"), 250))
                .build()
                .getConfigMapping(IngestConfig.class);
    }
}
