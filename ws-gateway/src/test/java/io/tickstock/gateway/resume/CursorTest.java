package io.tickstock.gateway.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @ParameterizedTest(name = "{0} round-trips")
    @ValueSource(strings = {"0", "120.98.77", "120.98.77~3:0=118", "120.98.77~2:1=90~3:0=118,2=70", "5.5~0:0=1"})
    void textRoundTrips(String text) {
        assertThat(Cursor.parse(text)).hasToString(text);
    }

    @Test
    void aClientThatKeepsUpHasOneOffsetPerPartition() {
        Cursor cursor = Cursor.at(new long[] {120, 98, 77});

        assertThat(cursor).hasToString("120.98.77");
        assertThat(cursor.next(3, 1)).isEqualTo(98);
        assertThat(cursor.lowest(2)).isEqualTo(77);
    }

    @ParameterizedTest(name = "{0}: priority {1} partition {2} -> {3}, replay from {4}")
    @CsvSource({
        "120.98.77~3:0=118,     3, 0, 118, 118",
        "120.98.77~3:0=118,     1, 0, 120, 118",
        "120.98.77~2:1=90~3:1=80, 2, 1, 90, 80",
        "120.98.77~2:1=90~3:1=80, 0, 1, 98, 80"})
    void overridesHoldPerPriority(String text, int priority, int partition, long next, long lowest) {
        Cursor cursor = Cursor.parse(text);

        assertThat(cursor.next(priority, partition)).isEqualTo(next);
        assertThat(cursor.lowest(partition)).isEqualTo(lowest);
    }

    @ParameterizedTest(name = "''{0}'' is not a cursor")
    @ValueSource(strings = {"abc", "1..2", "1.2~", "1~9:0=1", "1~3:5=1", "1~3:0", "-1", "1.2~3:0=x", "1~:0=1",
        "1234567890123456789"})
    void garbageIsRejectedWithAHint(String text) {
        assertThatThrownBy(() -> Cursor.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a cursor")
                .hasMessageContaining("cursor of the last event");
    }

    @Test
    void anEmptyCursorSaysWhatIsExpected() {
        assertThatThrownBy(() -> Cursor.parse(" ")).hasMessageContaining("as carried by every event");
        assertThatThrownBy(() -> Cursor.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalCursorsAreEqual() {
        assertThat(Cursor.parse("1.2~3:0=0")).isEqualTo(Cursor.parse("1.2~3:0=0"))
                .hasSameHashCodeAs(Cursor.parse("1.2~3:0=0"))
                .isNotEqualTo(Cursor.parse("1.2"));
    }
}
