package io.tickstock.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedLimitTest {

    @Test
    void fewClientsEachGetAllOneClientMayHave() {
        SharedLimit limit = new SharedLimit(1_000_000, 2_000, 64);

        assertThat(limit.share()).isEqualTo(2_000);
        limit.clientsNow(500);
        assertThat(limit.share()).isEqualTo(2_000);
    }

    @Test
    void manyClientsShareTheTotalSoItHoldsWhateverTheirCount() {
        SharedLimit limit = new SharedLimit(1_000_000, 2_000, 64);

        limit.clientsNow(1_000);
        assertThat(limit.share()).isEqualTo(1_000);
        limit.clientsNow(1_600);
        assertThat(limit.share() * 1_600L).isLessThanOrEqualTo(1_000_000);
        limit.clientsNow(0);
        assertThat(limit.share()).isEqualTo(2_000);
    }

    @Test
    void noShareFallsBelowTheLeastAClientNeeds() {
        SharedLimit limit = new SharedLimit(1_000, 2_000, 64);

        limit.clientsNow(100);
        assertThat(limit.share()).isEqualTo(64);
    }

    @Test
    void aTotalAboveWhatAnIntHoldsIsSharedExactly() {
        SharedLimit limit = new SharedLimit(8L << 30, 1 << 20, 16_384);

        limit.clientsNow(16_384);
        assertThat(limit.share()).isEqualTo(1 << 19);
    }

    @Test
    void aSmallerLimitPerClientThanTheLeastIsKeptAsConfigured() {
        SharedLimit limit = new SharedLimit(1_000_000, 10, 64);

        limit.clientsNow(1_000_000);
        assertThat(limit.share()).isEqualTo(10);
    }

    @Test
    void nothingToShareIsAConfigurationError() {
        assertThatThrownBy(() -> new SharedLimit(0, 2_000, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0 and 2000");
    }
}
