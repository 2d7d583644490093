package io.tickstock.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SeenIdentitiesTest {

    @Test
    void tellsIdentitiesApartByEveryCharacterAndLength() {
        SeenIdentities seen = SeenIdentities.NONE.with("T|AAPL|77|1700000000000|4").with("A|AAPL|1700000000000");

        assertThat(seen.contains("T|AAPL|77|1700000000000|4")).isTrue();
        assertThat(seen.contains("T|AAPL|77|1700000000000|5")).isFalse();
        assertThat(seen.contains("T|AAPL|77|1700000000000|")).isFalse();
        assertThat(seen.contains("A|AAPL|1700000000000")).isTrue();
        assertThat(seen.count()).isEqualTo(2);
    }

    /** Identities of any length (trade ids are the provider's strings), including ones whose length takes 2 bytes. */
    @Property(tries = 300)
    void holdsWhatASetHolds(@ForAll @Size(max = 30) List<@StringLength(max = 300) String> added,
            @ForAll @StringLength(max = 300) String probe) {
        SeenIdentities seen = SeenIdentities.NONE;
        Set<String> model = new LinkedHashSet<>();
        for (String identity : added) {
            seen = seen.with(identity);
            model.add(identity);
        }

        assertThat(seen.contains(probe)).isEqualTo(model.contains(probe));
        assertThat(added).allMatch(seen::contains);
        assertThat(seen.count()).isEqualTo(added.size());
    }
}
