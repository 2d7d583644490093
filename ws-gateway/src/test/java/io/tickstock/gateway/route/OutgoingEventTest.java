package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.EventType;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    private final OutgoingEvent event = OutgoingEvent.of(TestEvents.event(EventType.HIGH, "AAPL", 1, 7), 3, 120);

    @Test
    void eachClientsCopyIsTheSharedObjectWithItsCursorAndSnapshotMark() throws Exception {
        JsonNode live = Json.mapper().readTree(event.render("120.98~3:0=118", false));
        JsonNode snapshot = Json.mapper().readTree(event.render("7.7", true));

        assertThat(live.path("ev").asText()).isEqualTo("event");
        assertThat(live.path("id").asText()).isEqualTo(event.event().id());
        assertThat(live.path("cursor").asText()).isEqualTo("120.98~3:0=118");
        assertThat(live.has("snapshot")).isFalse();
        assertThat(snapshot.path("snapshot").asBoolean()).isTrue();
        assertThat(snapshot.path("cursor").asText()).isEqualTo("7.7");
    }

    @Test
    void theRenderedLengthIsKnownWithoutRendering() {
        for (boolean snapshot : new boolean[] {false, true}) {
            for (String cursor : new String[] {"0", "120.98.77", "120.98.77~2:1=90~3:0=118,2=70"}) {
                assertThat(event.renderedLength(cursor, snapshot)).isEqualTo(event.render(cursor, snapshot).length());
            }
        }
    }
}
