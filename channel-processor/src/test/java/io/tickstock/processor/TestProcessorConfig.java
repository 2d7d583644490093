package io.tickstock.processor;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link ProcessorConfig} with the production defaults but the local stack's session calendar (a test's events must
 * not depend on the hour it runs at), plus overrides, for tests that run without Quarkus.
 */
public final class TestProcessorConfig {

    private TestProcessorConfig() {
    }

    public static ProcessorConfig with(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .withMapping(ProcessorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("tickstock.processor.session.calendar", "always"),
                        "local calendar", 400))
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .build()
                .getConfigMapping(ProcessorConfig.class);
    }

    public static ProcessorConfig defaults() {
        return with(Map.of());
    }
}
