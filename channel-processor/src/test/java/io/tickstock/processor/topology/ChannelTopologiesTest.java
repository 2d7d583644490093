package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.Topics;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.metrics.ProcessorMetrics;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Node;
import org.apache.kafka.streams.TopologyDescription.Source;
import org.apache.kafka.streams.TopologyDescription.Subtopology;
import org.junit.jupiter.api.Test;

/**
 * The isolation the engine is built for, read from the topologies as Kafka Streams describes them, so that it
 * cannot quietly come back: no task of the tick channel runs the OHLCV channel (its bursts have an engine of their
 * own), and the FMV channel has tasks of its own.
 */
class ChannelTopologiesTest {

    private final ChannelTopologies topologies = TopologyProducer.build(TestProcessorConfig.defaults(),
            new ProcessorMetrics(new SimpleMeterRegistry()), StoreKind.IN_MEMORY);

    private static Subtopology containing(TopologyDescription description, String node) {
        return description.subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(n -> n.name().equals(node)))
                .findFirst().orElseThrow(() -> new AssertionError(node + " is in no sub-topology"));
    }

    private static Set<String> names(Subtopology sub) {
        return sub.nodes().stream().map(Node::name).collect(Collectors.toSet());
    }

    @Test
    void theTickChannelsTasksRunNoOhlcvChannelWork() {
        TopologyDescription tick = topologies.tick().describe();
        Subtopology ticks = containing(tick, "tick-source");

        assertThat(names(ticks)).contains("tick-channel", "tick-events")
                .noneMatch(name -> name.startsWith("ohlcv-") || name.startsWith("fmv-channel"));
        assertThat(tick.subtopologies().stream().flatMap(sub -> sub.nodes().stream()).map(Node::name))
                .doesNotContain("ohlcv-source", "ohlcv-channel");
    }

    @Test
    void theOhlcvChannelIsTheOnlyWorkOfItsEngine() {
        TopologyDescription ohlcv = topologies.ohlcv().describe();

        assertThat(ohlcv.subtopologies()).hasSize(1);
        Subtopology bars = ohlcv.subtopologies().iterator().next();
        assertThat(names(bars)).containsExactlyInAnyOrder("ohlcv-source", "ohlcv-channel", "ohlcv-events");
        Source source = (Source) bars.nodes().stream().filter(n -> n.name().equals("ohlcv-source")).findFirst()
                .orElseThrow();
        assertThat(source.topicSet()).containsExactly(Topics.RAW_OHLCV);
    }

    @Test
    void theFmvChannelHasTasksOfItsOwn() {
        TopologyDescription tick = topologies.tick().describe();

        Subtopology fmv = containing(tick, "fmv-channel");
        assertThat(fmv).isNotEqualTo(containing(tick, "tick-channel"));
        assertThat(names(fmv)).noneMatch(name -> name.startsWith("tick-"));
        assertThat(fmv.nodes()).filteredOn(Source.class::isInstance).extracting(n -> ((Source) n).topicSet())
                .allMatch(topics -> topics.stream().allMatch(t -> t.endsWith("fmv-quotes-repartition")));
    }
}
