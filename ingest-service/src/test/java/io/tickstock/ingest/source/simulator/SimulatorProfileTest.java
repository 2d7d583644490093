package io.tickstock.ingest.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.SimulatorProfiles;
import org.junit.jupiter.api.Test;

class SimulatorProfileTest {

    @Test
    void everyProfileTheStackOffersIsSimulatedAndNoOther() {
        assertThat(SimulatorProfile.PROFILES).extracting(SimulatorProfile::name)
                .containsExactlyElementsOf(SimulatorProfiles.ALL);
    }

    @Test
    void aProfileIsFoundByItsNameAsAUserWritesIt() {
        assertThat(SimulatorProfile.named(" Market-Open-Surge ").name()).isEqualTo(SimulatorProfiles.MARKET_OPEN_SURGE);
        assertThatThrownBy(() -> SimulatorProfile.named("open")).hasMessageContaining("unknown simulator profile 'open'")
                .hasMessageContaining(SimulatorProfiles.STEADY_STATE);
    }
}
