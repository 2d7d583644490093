package io.tickstock.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the last build ({@code ./tickstock test}, i.e. {@code mvn verify}) left in each module's {@code target/}: the
 * JUnit reports of Surefire and Failsafe, and JaCoCo's line coverage (absent when the build did not run here); and
 * which test classes carry which JUnit tag, from the modules' test sources.
 */
final class BuildReports {

    /** One test class's result. */
    record Suite(String module, String name, int tests, int failures, int errors, int skipped, String timestamp,
            Path report) {

        boolean passed() {
            return failures == 0 && errors == 0;
        }

        String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    /**
     * A module's line coverage.
     *
     * @param gated whether the build's 90 % gate applies: the parent POM's profile gates the modules with a
     *     {@code src/main/resources/application.properties}, the services
     */
    record Coverage(String module, long covered, long missed, boolean gated) {

        double ratio() {
            return covered + missed == 0 ? 0 : (double) covered / (covered + missed);
        }
    }

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TAG = Pattern.compile("@Tag\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final List<Suite> suites;
    private final List<Coverage> coverage;
    private final Map<String, List<String>> tagged;

    private BuildReports(List<Suite> suites, List<Coverage> coverage, Map<String, List<String>> tagged) {
        this.suites = suites;
        this.coverage = coverage;
        this.tagged = tagged;
    }

    static BuildReports read(Path root) {
        List<Suite> suites = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (Path module : modules(root).stream().filter(m -> Files.isDirectory(m.resolve("target"))).toList()) {
            String name = root.relativize(module).toString();
            for (String kind : List.of("surefire-reports", "failsafe-reports")) {
                suites.addAll(suites(name, module.resolve("target").resolve(kind)));
            }
            Path csv = module.resolve("target/site/jacoco/jacoco.csv");
            if (Files.isRegularFile(csv)) {
                coverage.add(coverage(name, csv,
                        Files.isRegularFile(module.resolve("src/main/resources/application.properties"))));
            }
        }
        return new BuildReports(suites, coverage, tagged(root));
    }

    private static List<Path> modules(Path root) {
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).sorted().forEach(modules::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return modules;
    }

    /**
     * The test classes of every module by the JUnit {@code @Tag}s on their declaration (tags on methods do not tag
     * the class): tag → fully qualified class names. Read from the sources, so a tagged class the build did not run
     * is still known, and its missing report shows.
     */
    static Map<String, List<String>> tagged(Path root) {
        Map<String, List<String>> tagged = new TreeMap<>();
        for (Path module : modules(root)) {
            Path sources = module.resolve("src/test/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    String source = Files.readString(file);
                    Matcher pkg = PACKAGE.matcher(source);
                    String className = pkg.find() ? pkg.group(1) + "." + name : name;
                    classTags(source, name).forEach(tag -> tagged.computeIfAbsent(tag, t -> new ArrayList<>())
                            .add(className));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the test sources in " + sources, e);
            }
        }
        return tagged;
    }

    /** The tags before the declaration of the class {@code name} in {@code source}. */
    private static List<String> classTags(String source, String name) {
        Matcher declaration = Pattern.compile("\\b(class|record|interface|enum)\\s+" + name + "\\b").matcher(source);
        List<String> tags = new ArrayList<>();
        if (declaration.find()) {
            Matcher tag = TAG.matcher(source.substring(0, declaration.start()));
            while (tag.find()) {
                tags.add(tag.group(1));
            }
        }
        return tags;
    }

    private static List<Suite> suites(String module, Path reports) {
        List<Suite> suites = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return suites;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                    .toList()) {
                Matcher suite = SUITE.matcher(Files.readString(file));
                if (suite.find()) {
                    Map<String, String> attributes = new TreeMap<>();
                    Matcher attribute = ATTRIBUTE.matcher(suite.group(1));
                    while (attribute.find()) {
                        attributes.put(attribute.group(1), attribute.group(2));
                    }
                    suites.add(new Suite(module, attributes.getOrDefault("name", file.toString()),
                            number(attributes, "tests"), number(attributes, "failures"), number(attributes, "errors"),
                            number(attributes, "skipped"), attributes.getOrDefault("timestamp",
                            Files.getLastModifiedTime(file).toInstant().toString()), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + reports, e);
        }
        return suites;
    }

    private static int number(Map<String, String> attributes, String name) {
        try {
            return Integer.parseInt(attributes.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** JaCoCo's CSV: GROUP,PACKAGE,CLASS,…,LINE_MISSED,LINE_COVERED,… one class a line. */
    private static Coverage coverage(String module, Path csv, boolean gated) {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = List.of(lines.get(0).split(","));
            int missed = header.indexOf("LINE_MISSED");
            int covered = header.indexOf("LINE_COVERED");
            long missedLines = 0;
            long coveredLines = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                missedLines += Long.parseLong(cells[missed]);
                coveredLines += Long.parseLong(cells[covered]);
            }
            return new Coverage(module, coveredLines, missedLines, gated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    List<Suite> suites() {
        return suites;
    }

    List<Coverage> coverage() {
        return coverage;
    }

    /**
     * The first line the test class {@code suite} printed that starts with {@code prefix} (its report keeps what it
     * printed): how the end-to-end tests hand their measurements to this report.
     */
    Optional<String> printed(String suite, String prefix) {
        for (Suite found : named(List.of(suite))) {
            try {
                Matcher line = Pattern.compile(Pattern.quote(prefix) + "[^\n<]*").matcher(Files.readString(
                        found.report()));
                if (line.find()) {
                    return Optional.of(line.group().replace("&gt;", ">").replace("&lt;", "<")
                            .replace("&quot;", "\"").replace("&amp;", "&").strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + found.report(), e);
            }
        }
        return Optional.empty();
    }

    /** The suites named in {@code names} (simple class names). */
    List<Suite> named(List<String> names) {
        return suites.stream().filter(s -> names.contains(s.simpleName())).toList();
    }

    /** The test classes tagged {@code tag} (fully qualified), whether or not they have a report. */
    List<String> taggedWith(String tag) {
        return tagged.getOrDefault(tag, List.of());
    }

    /** The reports of the classes tagged {@code tag}. */
    List<Suite> suitesTagged(String tag) {
        return suites.stream().filter(s -> taggedWith(tag).contains(s.name())).toList();
    }
}
