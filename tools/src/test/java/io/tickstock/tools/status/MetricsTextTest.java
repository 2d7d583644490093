package io.tickstock.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static MetricsText realScrape() throws IOException {
        try (InputStream in = MetricsTextTest.class.getResourceAsStream("/processor-metrics.txt")) {
            return MetricsText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsARealScrapeOfTheProcessor() throws IOException {
        MetricsText scrape = realScrape();

        assertThat(scrape.sumBy("tickstock_channel_processed_total", "channel")).containsEntry("tick", 69.0);
        assertThat(scrape.total("tickstock_channel_emitted_total")).isEqualTo(11.0);
        assertThat(scrape.total("kafka_stream_client_state")).isEqualTo(2.0);
        assertThat(scrape.samples()).anySatisfy(s -> assertThat(s.labels()).containsEntry("id", "G1 Eden Space"));
    }

    @Test
    void leavesNaNSamplesOutOfSums() throws IOException {
        // the restore consumer reports NaN lag while it has nothing to restore
        assertThat(realScrape().total("kafka_consumer_fetch_manager_records_lag_max")).isEqualTo(0.0);
    }

    @Test
    void aMetricTheServiceDoesNotExportIsNaNNotZero() throws IOException {
        assertThat(realScrape().total("tickstock_gateway_clients")).isNaN();
        assertThat(realScrape().has("tickstock_gateway_clients")).isFalse();
    }

    @Test
    void sumsSeriesThatShareALabelValue() {
        MetricsText scrape = MetricsText.parse("""
                # HELP x counts
                x_total{feed="T",source="a"} 2.0
                x_total{feed="T",source="b"} 3.0
                x_total{feed="A",source="a"} 1
                y 7
                """);

        assertThat(scrape.sumBy("x_total", "feed")).containsEntry("T", 5.0).containsEntry("A", 1.0).hasSize(2);
        assertThat(scrape.total("y")).isEqualTo(7.0);
    }

    @Test
    void ratesAreTheIncreaseBetweenTwoScrapesPerSecond() {
        MetricsText before = MetricsText.parse("c_total{channel=\"tick\"} 100\nc_total{channel=\"fmv\"} 5\n");
        MetricsText after = MetricsText.parse("c_total{channel=\"tick\"} 300\nc_total{channel=\"fmv\"} 5\n"
                + "c_total{channel=\"ohlcv\"} 9\n");

        Rates rates = new Rates(before, after, 2.0);

        assertThat(rates.by("c_total", "channel")).containsEntry("tick", 100.0).containsEntry("fmv", 0.0)
                .containsEntry("ohlcv", 0.0);
        assertThat(rates.total("c_total")).isEqualTo(100.0);
        assertThat(rates.total("missing_total")).isNaN();
    }
}
