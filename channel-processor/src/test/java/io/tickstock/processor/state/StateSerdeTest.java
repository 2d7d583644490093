package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private final Counter unreadable = new SimpleMeterRegistry().counter("unreadable");
    private final StateSerde<SymbolState> serde = new StateSerde<>(SymbolState.class, unreadable);

    private SymbolState read(String json) {
        return serde.deserializer().deserialize("changelog", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStoredStateReadsBackAsWritten() {
        SymbolState state = SymbolState.EMPTY.withPrice(190.25, 1_700_000_000_000L);

        byte[] stored = serde.serializer().serialize("changelog", state);

        assertThat(serde.deserializer().deserialize("changelog", stored)).isEqualTo(state);
        assertThat(unreadable.count()).isZero();
    }

    @Test
    void aStateOfAnOlderShapeStartsAfreshAndIsCounted() {
        // what the first release stored: no newestAt yet
        assertThat(read("{\"extremes\":null,\"lastPrice\":349.85,\"lastPriceAt\":1795797763469}")).isNull();
        assertThat(unreadable.count()).isEqualTo(1);
    }

    @Test
    void damagedBytesStartAfreshAndAreCounted() {
        assertThat(read("{\"extremes\":")).isNull();
        assertThat(read("not json")).isNull();
        assertThat(unreadable.count()).isEqualTo(2);
    }
}
