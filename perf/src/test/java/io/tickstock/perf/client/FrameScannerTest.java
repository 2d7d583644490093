package io.tickstock.perf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameScannerTest {

    private static final String EVENT = "{\"ev\":\"event\",\"v\":1,\"id\":\"5d1c6f0f\",\"type\":\"high\",\"symbol\":\"AAPL\","
            + "\"direction\":\"up\",\"price\":190.52,\"priority\":1,\"channel\":\"tick\",\"eventTime\":1795796644522,"
            + "\"detectedAt\":1795796644531,\"details\":{\"previousHigh\":190.31,\"nested\":{\"a\":[1,2]}},"
            + "\"source\":{\"provider\":\"simulator\",\"feed\":\"AM\",\"providerTs\":1795796640000,"
            + "\"ingestTs\":1795796644524,\"topic\":\"tickstock.raw.ohlcv\",\"partition\":4,\"offset\":5120,"
            + "\"msgId\":\"AM|AAPL|1795796580000\"},\"gatewayReadUs\":1795796644533125,\"cursor\":\"1.0.0\"}";

    @Test
    void anEventKeepsItsIdentityRoutingAndSourceTimesAndSkipsTheRest() {
        List<ServerObject> objects = FrameScanner.scan("[" + EVENT + "]");

        assertThat(objects).hasSize(1);
        ServerObject event = objects.get(0);
        assertThat(event.isEvent()).isTrue();
        assertThat(event.id()).isEqualTo("5d1c6f0f");
        assertThat(event.type()).isEqualTo("high");
        assertThat(event.symbol()).isEqualTo("AAPL");
        assertThat(event.channel()).isEqualTo("tick");
        assertThat(event.priority()).isEqualTo(1);
        assertThat(event.detectedAt()).isEqualTo(1795796644531L);
        assertThat(event.feed()).isEqualTo("AM");
        assertThat(event.providerTs()).isEqualTo(1795796640000L);
        assertThat(event.ingestTs()).isEqualTo(1795796644524L);
        assertThat(event.snapshot()).isFalse();
        assertThat(event.cursor()).isEqualTo("1.0.0");
        assertThat(event.gatewayReadUs()).isEqualTo(1795796644533125L);
    }

    @Test
    void fieldsInAnyOrderWithSpacesEscapesAndAnEmptyFrameAreReadAsJacksonReadsThem() {
        List<ServerObject> objects = FrameScanner.scan(" [ { \"message\" : \"say \\\"hi\\\" \\u00e9\\n\", "
                + "\"code\" : 400 , \"x\":[{\"a\":\"]}\"},-1.5e3,null,true], \"ev\" : \"error\" } ] ");

        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).ev()).isEqualTo("error");
        assertThat(objects.get(0).code()).isEqualTo(400);
        assertThat(objects.get(0).message()).isEqualTo("say \"hi\" é\n");
        assertThat(FrameScanner.scan("[]")).isEmpty();
    }

    @Test
    void anEventWithoutACursorIsTheMiddleOfAFrame() {
        List<ServerObject> objects = FrameScanner.scan("[" + EVENT.replace(",\"cursor\":\"1.0.0\"", "") + ","
                + EVENT + "]");

        assertThat(objects).extracting(ServerObject::cursor).containsExactly("", "1.0.0");
    }

    @Test
    void aResumedStatusSaysWhetherEverythingWasRecovered() {
        List<ServerObject> objects = FrameScanner.scan("[{\"ev\":\"status\",\"status\":\"resumed\",\"recovered\":true},"
                + "{\"ev\":\"status\",\"status\":\"resumed\",\"recovered\":false}]");

        assertThat(objects).extracting(ServerObject::recovered).containsExactly(true, false);
    }

    @Test
    void aFrameMayCarrySeveralObjectsOfEveryKindInOrder() {
        String snapshot = EVENT.replace(",\"cursor\"", ",\"snapshot\":true,\"cursor\"");
        List<ServerObject> objects = FrameScanner.scan("[{\"ev\":\"status\",\"status\":\"connected\","
                + "\"protocol\":\"tickstock/1\",\"auth\":\"required\"}," + snapshot + ","
                + "{\"ev\":\"status\",\"status\":\"slow\",\"shed\":12,\"conflated\":3},"
                + "{\"ev\":\"error\",\"code\":407,\"message\":\"too slow\"},{\"ev\":\"heartbeat\",\"t\":1}]");

        assertThat(objects).extracting(ServerObject::ev).containsExactly("status", "event", "status", "error",
                "heartbeat");
        assertThat(objects.get(0).auth()).isEqualTo("required");
        assertThat(objects.get(1).snapshot()).isTrue();
        assertThat(objects.get(2).shed()).isEqualTo(12);
        assertThat(objects.get(2).conflated()).isEqualTo(3);
        assertThat(objects.get(3).code()).isEqualTo(407);
        assertThat(objects.get(3).message()).isEqualTo("too slow");
    }

    @Test
    void whatBreaksTheWireFormatIsRefusedWithTheFrame() {
        assertThatThrownBy(() -> FrameScanner.scan("{\"ev\":\"pong\"}")).hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> FrameScanner.scan("[1,2]")).hasMessageContaining("objects only");
        assertThatThrownBy(() -> FrameScanner.scan("[{\"ev\":")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> FrameScanner.scan("[{\"code\":x}]")).hasMessageContaining("not JSON");
    }
}
