package io.tickstock.stack.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortHolderTest {

    @Test
    void theHolderIsTheFirstUserSsNames() {
        assertThat(PortHolder.parse("LISTEN 0 50 127.0.0.1:9092 0.0.0.0:* users:((\"java\",pid=1234,fd=150))\n"))
                .hasValue("\"java\",pid=1234");
        assertThat(PortHolder.parse("")).isEmpty();
    }
}
