package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.SessionCalendar;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the processor's own application.properties gives an engine per profile: production-safe without one (a
 * cluster of three brokers), one broker with {@code local}, and the environment Kubernetes sets still read.
 */
class PackagedSettingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"prod, 3, 2, REGULAR,", "local, 1, 1, ALWAYS, tickstock-processor-local"})
    void eachProfileSizesTheStateForItsBrokersAndKeepsItsSession(String profile, String replication,
            String minInSync, SessionCalendar calendar, String staticMember) throws IOException {
        SmallRyeConfig config = configuration(profile, Map.of());

        Properties tick = engines(config).of(Engine.TICK);

        assertThat(tick).containsEntry("replication.factor", replication)
                .containsEntry("topic.min.insync.replicas", minInSync);
        assertThat(tick.get(EngineProperties.STATIC_MEMBER)).isEqualTo(staticMember);
        assertThat(config.getConfigMapping(ProcessorConfig.class).session().calendar()).isEqualTo(calendar);
    }

    @Test
    void eachPodGetsTheStaticMemberIdItsManifestSets() throws IOException {
        SmallRyeConfig config = configuration("prod", Map.of("KAFKA_STREAMS_GROUP_INSTANCE_ID", "channel-processor-0",
                "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1"));

        EngineProperties engines = engines(config);

        assertThat(engines.of(Engine.TICK)).containsEntry(EngineProperties.STATIC_MEMBER, "channel-processor-0")
                .containsEntry("num.standby.replicas", "1");
        assertThat(engines.of(Engine.OHLCV)).containsEntry(EngineProperties.STATIC_MEMBER, "channel-processor-0-ohlcv");
    }

    private static EngineProperties engines(SmallRyeConfig config) {
        return ChannelEngines.engineProperties(config, config.getConfigMapping(ProcessorConfig.class));
    }

    private static SmallRyeConfig configuration(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withDefaultValue("quarkus.http.port", "8082")
                .withMapping(ProcessorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(
                        PackagedSettingsTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }
}
