package io.tickstock.ingest.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.model.Aggregate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvBarsTest {

    private static final long T1330 = Instant.parse("2023-07-10T13:30:00Z").toEpochMilli();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "2023-07-10 13:30:00       | UTC              | 2023-07-10T13:30:00Z",
        "2023-07-10 13:30          | UTC              | 2023-07-10T13:30:00Z",
        "2023-07-10T13:30:00       | UTC              | 2023-07-10T13:30:00Z",
        "2023-07-10T13:30:00.000   | UTC              | 2023-07-10T13:30:00Z",
        "2023-07-10 09:30:00       | America/New_York | 2023-07-10T13:30:00Z",
        "2023-07-10T09:30:00-04:00 | UTC              | 2023-07-10T13:30:00Z",
        "2023-07-10T13:30:00Z      | America/New_York | 2023-07-10T13:30:00Z",
        "1688995800                | UTC              | 2023-07-10T13:30:00Z",
        "1688995800000             | UTC              | 2023-07-10T13:30:00Z"})
    void timestampsInEveryUsualFormBecomeTheBarStart(String timestamp, String zone, String expected) {
        CsvBars bars = CsvBars.of(null, "MSFT", ZoneId.of(zone));
        Aggregate bar = bars.read(timestamp + ",1,2,0.5,1.5,10");

        assertThat(Instant.ofEpochMilli(bar.s())).isEqualTo(Instant.parse(expected));
        assertThat(bar.e()).isEqualTo(bar.s() + 60_000);
    }

    @Test
    void columnsAreFoundByTheirNamesAndTheSymbolByItsColumn() {
        CsvBars bars = CsvBars.of("Ticker,Close,Volume,Open,High,Low,Time", null, ZoneOffset.UTC);
        Aggregate bar = bars.read("JPM,146.5,1200.0,146.1,146.9,146.0,2023-07-10 13:30:00");

        assertThat(bar).isEqualTo(Aggregate.bar(io.tickstock.model.Feed.AM, "JPM", 146.1, 146.9, 146.0, 146.5, 1200,
                T1330, T1330 + 60_000));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2023-07-10 13:30:00,1,2,0.5                | missing_field",
        "yesterday,1,2,0.5,1.5,10                   | bad_field",
        "2023-07-10 13:30:00,one,2,0.5,1.5,10       | bad_field",
        "2023-07-10 13:30:00,1,2,0.5,1.5,lots       | bad_field",
        "2023-07-10 13:30:00,1,2,0.5,1.5,Infinity   | bad_field"})
    void rowsThatAreNotBarsAreRejectedWithTheFieldAtFault(String row, String reason) {
        CsvBars bars = CsvBars.of(null, "MSFT", ZoneOffset.UTC);

        assertThatThrownBy(() -> bars.read(row)).isInstanceOf(RejectedException.class)
                .satisfies(e -> assertThat(((RejectedException) e).rejection().reason().code()).isEqualTo(reason));
    }

    @Test
    void floatVolumesAreRoundedToShares() {
        assertThat(CsvBars.of(null, "X", ZoneOffset.UTC).read("1688995800,1,1,1,1,2791.0").v()).isEqualTo(2791);
        assertThat(CsvBars.of(null, "X", ZoneOffset.UTC).read("1688995800,1,1,1,1,10.6").v()).isEqualTo(11);
    }

    @Test
    void theSymbolComesFromTheFileNameOrMustBeGiven() {
        assertThat(CsvBars.symbolOfFile("MSFT_1min_2023-07-10.csv")).isEqualTo("MSFT");
        assertThat(CsvBars.symbolOfFile("brk.b.csv")).isEqualTo("BRK");
        assertThat(CsvBars.symbolOfFile("spy.csv.gz")).isEqualTo("SPY");
        assertThat(CsvBars.symbolOfFile("my bars.csv")).isNull();
        assertThatThrownBy(() -> CsvBars.of("timestamp,open,high,low,close,volume", null, ZoneOffset.UTC))
                .hasMessageContaining("--symbol");
        assertThatThrownBy(() -> CsvBars.of("timestamp,open,high,close,volume", "X", ZoneOffset.UTC))
                .hasMessageContaining("no low column");
    }

    @Test
    void headersAreTellableFromRows() {
        assertThat(CsvBars.isHeader("timestamp,open,high,low,close,volume")).isTrue();
        assertThat(CsvBars.isHeader("2023-07-10 13:30:00,1,2,0.5,1.5,10")).isFalse();
        assertThat(CsvBars.isHeader("1688995800,1,2,0.5,1.5,10")).isFalse();
    }
}
