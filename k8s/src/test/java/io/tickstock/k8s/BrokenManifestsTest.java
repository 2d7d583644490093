package io.tickstock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.k8s.check.ManifestCheck;
import io.tickstock.k8s.model.StrictModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Proof that every check can fail: each case under src/test/resources/broken is the base plus one defect, and the
 * strict parse or a check must name that defect.
 */
@Tag("deployment")
class BrokenManifestsTest {

    private static final Path BROKEN = ServiceConfigs.root().resolve("k8s/src/test/resources/broken");

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/broken/cases.psv", delimiter = '|', quoteCharacter = '^')
    void theDefectIsReported(String brokenCase, String expected) {
        Manifests manifests = Manifests.render(BROKEN.resolve(brokenCase));

        assertThat(problems(manifests)).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void everyBrokenCaseHasAnExpectedProblem() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(BROKEN.resolve("cases.psv"))) {
            if (!line.startsWith("#")) {
                listed.add(line.split("\\|")[0].trim());
            }
        }
        try (Stream<Path> cases = Files.list(BROKEN)) {
            Set<String> directories = cases.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(directories).isEqualTo(listed);
        }
    }

    private static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>(StrictModels.problems(manifests.resources()));
        for (ManifestCheck check : ManifestCheck.all()) {
            problems.addAll(check.problems(manifests));
        }
        return problems;
    }
}
