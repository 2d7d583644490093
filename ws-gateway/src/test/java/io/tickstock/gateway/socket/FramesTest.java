package io.tickstock.gateway.socket;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void anEventFrameCopiesEachSharedEventAndCarriesTheCursorOnceOnItsLastEvent() throws Exception {
        String frame = Frames.events(List.of(event(0, 4), event(1, 9), event(0, 5)), false, "6.10");

        assertThat(frame).isEqualTo("[{\"id\":\"0-4\"},{\"id\":\"1-9\"},{\"id\":\"0-5\",\"cursor\":\"6.10\"}]");
        assertThat(Json.mapper().readTree(frame)).hasSize(3);
    }

    @Test
    void aSnapshotFrameFlagsEveryEvent() throws Exception {
        JsonNode frame = Json.mapper().readTree(Frames.events(List.of(event(0, 4), event(1, 9)), true, "7.7"));

        assertThat(frame.get(0).path("snapshot").asBoolean()).isTrue();
        assertThat(frame.get(0).has("cursor")).isFalse();
        assertThat(frame.get(1).path("snapshot").asBoolean()).isTrue();
        assertThat(frame.get(1).path("cursor").asText()).isEqualTo("7.7");
    }
}
