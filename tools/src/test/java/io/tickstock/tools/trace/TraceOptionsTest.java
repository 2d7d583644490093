package io.tickstock.tools.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.tools.trace.SymbolTrace.TraceOptions;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceOptionsTest {

    @Test
    void defaultsToTheLocalStack() {
        TraceOptions options = TraceOptions.parse(new String[] {"aapl"}, Map.of());

        assertThat(options.symbol()).isEqualTo("AAPL");
        assertThat(options.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(options.gateway()).contains(URI.create("ws://127.0.0.1:8080/ws/v1"));
        assertThat(options.token()).isEmpty();
        assertThat(options.seconds()).isEmpty();
    }

    @Test
    void takesEverythingFromTheCommandLineOrTheEnvironment() {
        TraceOptions options = TraceOptions.parse(new String[] {"--bootstrap", "k:1", "MSFT", "--no-gateway",
            "--seconds", "30"}, Map.of("TICKSTOCK_TRACE_TOKEN", "secret"));

        assertThat(options.symbol()).isEqualTo("MSFT");
        assertThat(options.bootstrap()).isEqualTo("k:1");
        assertThat(options.gateway()).isEmpty();
        assertThat(options.token()).isEqualTo(Optional.of("secret"));
        assertThat(options.seconds()).contains(30);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                       | which symbol?
            AAPL MSFT                | unexpected argument 'MSFT'
            AAPL --seconds           | --seconds needs a value
            AAPL --seconds 0         | --seconds needs a positive whole number, not '0'
            AAPL --seconds x         | --seconds needs a positive whole number, not 'x'
            AAPL --colour            | unexpected argument '--colour'
            """)
    void saysWhatIsWrong(String args, String message) {
        String[] split = args.isBlank() ? new String[0] : args.split(" ");

        assertThatThrownBy(() -> TraceOptions.parse(split, Map.of())).hasMessageContaining(message);
    }
}
