package io.tickstock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.k8s.check.ManifestCheck;
import io.tickstock.k8s.model.StrictModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped base and overlays parse strictly and keep every rule of {@link ManifestCheck}. */
@Tag("deployment")
class RenderedManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectParsesWithItsApiModel(String kustomization) {
        Manifests manifests = Manifests.render(ServiceConfigs.root().resolve("k8s").resolve(kustomization));

        assertThat(manifests.resources()).hasSizeGreaterThan(25);
        assertThat(StrictModels.problems(manifests.resources())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyCheckPasses(String kustomization) {
        Manifests manifests = Manifests.render(ServiceConfigs.root().resolve("k8s").resolve(kustomization));

        List<String> problems = new ArrayList<>();
        for (ManifestCheck check : ManifestCheck.all()) {
            problems.addAll(check.problems(manifests));
        }

        assertThat(problems).isEmpty();
    }
}
