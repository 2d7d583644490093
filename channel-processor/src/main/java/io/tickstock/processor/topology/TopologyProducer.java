package io.tickstock.processor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.processor.ProcessorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole processing topology, read top to bottom as the data flow. Quarkus runs it under exactly-once. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology buildTopology(ProcessorConfig config, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        TickChannel.addTo(builder, config, registry);
        return builder.build();
    }
}
