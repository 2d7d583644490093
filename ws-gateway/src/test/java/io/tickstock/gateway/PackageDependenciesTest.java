package io.tickstock.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages read as its data flow (consume → route → queue → resume → socket): none of them, nor the
 * ones beside the flow, imports a package that imports it back, directly or through others.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/tickstock/gateway");
    private static final Pattern IMPORT = Pattern.compile("^import (io\\.tickstock\\.gateway(?:\\.[a-z]+)*)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void noPackageReachesItselfThroughItsImports() throws IOException {
        Map<String, Set<String>> imports = imports();

        List<String> cycles = new ArrayList<>();
        for (String from : imports.keySet()) {
            if (reachable(imports, from).contains(from)) {
                cycles.add(from + " → " + imports.get(from));
            }
        }

        assertThat(imports).containsKeys("io.tickstock.gateway.consume", "io.tickstock.gateway.socket");
        assertThat(cycles).as("packages in a cycle").isEmpty();
    }

    @Test
    void theDataFlowGoesOneWay() throws IOException {
        Map<String, Set<String>> imports = imports();

        assertThat(reachable(imports, "io.tickstock.gateway.socket")).contains("io.tickstock.gateway.consume",
                "io.tickstock.gateway.route", "io.tickstock.gateway.queue", "io.tickstock.gateway.resume");
        assertThat(reachable(imports, "io.tickstock.gateway.consume")).doesNotContain("io.tickstock.gateway.queue",
                "io.tickstock.gateway.resume", "io.tickstock.gateway.socket");
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = "io." + SOURCES.getParent().getParent().relativize(file.getParent()).toString()
                        .replace('/', '.');
                Set<String> of = imports.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(own)) {
                        of.add(matcher.group(1));
                    }
                }
            }
        }
        return imports;
    }

    private static Set<String> reachable(Map<String, Set<String>> imports, String from) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(imports.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String pkg = next.remove(next.size() - 1);
            if (seen.add(pkg)) {
                next.addAll(imports.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }
}
