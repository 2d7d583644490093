package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    private final MarketEvent record = TestEvents.event(EventType.HIGH, "AAPL", 1, 7);
    private final OutgoingEvent event = OutgoingEvent.of(record, 3, 120, 1_795_796_644_531_250L);

    @Test
    void itsJsonIsTheEventRecordAsClientsGetItStampedWithTheGatewaysReadTimeAndOpenAtTheEnd() throws Exception {
        assertThat(event.json()).startsWith("{\"ev\":\"event\",\"v\":1,\"id\":\"" + record.id() + "\"")
                .doesNotEndWith("}");
        JsonNode object = Json.mapper().readTree(event.json() + "}");

        assertThat(object.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(object.path("source").path("msgId").asText()).isEqualTo(record.source().msgId());
        assertThat(object.path("gatewayReadUs").asLong()).isEqualTo(1_795_796_644_531_250L);
        assertThat(event.ingestTs()).isEqualTo(record.source().ingestTs());
        assertThat(event.partition()).isEqualTo(3);
        assertThat(event.offset()).isEqualTo(120);
        assertThat(event.key()).isEqualTo("high.AAPL");
    }

    @Test
    void priorityClassesClampToTheFourPriorities() {
        assertThat(OutgoingEvent.classOf(-1)).isZero();
        assertThat(OutgoingEvent.classOf(2)).isEqualTo(2);
        assertThat(OutgoingEvent.classOf(9)).isEqualTo(3);
    }

    @Test
    void aPositionPacksPartitionAndOffsetIntoOneLong() {
        assertThat(event.position()).isEqualTo(OutgoingEvent.position(3, 120)).isEqualTo((3L << 48) | 120);
        assertThat(OutgoingEvent.position(0, 7)).isNotEqualTo(OutgoingEvent.position(1, 7));
    }
}
