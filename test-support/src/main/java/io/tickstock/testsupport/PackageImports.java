package io.tickstock.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Which of a module's packages import which, read from its sources, for tests that keep the package graph free of
 * cycles: a package that reaches itself through its imports cannot be understood, moved or tested on its own.
 */
public final class PackageImports {

    private final Map<String, Set<String>> imports;

    private PackageImports(Map<String, Set<String>> imports) {
        this.imports = imports;
    }

    /**
     * Reads every source file under {@code sources} (the directory of package {@code root}) and records, per package,
     * the other packages under {@code root} it imports.
     */
    public static PackageImports of(Path sources, String root) {
        Pattern importLine = Pattern.compile("^import (" + Pattern.quote(root) + "(?:\\.[a-z]+)*)\\.[A-Z]",
                Pattern.MULTILINE);
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file.getParent()).toString().replace('/', '.');
                String own = relative.isEmpty() ? root : root + "." + relative;
                Set<String> of = imports.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher matcher = importLine.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(own)) {
                        of.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sources, e);
        }
        return new PackageImports(imports);
    }

    public Set<String> packages() {
        return imports.keySet();
    }

    /** The packages that reach themselves through their imports, each with what it imports. */
    public List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        for (String from : imports.keySet()) {
            if (reachable(from).contains(from)) {
                cycles.add(from + " → " + imports.get(from));
            }
        }
        return cycles;
    }

    /** Every package {@code from} imports, directly or through others. */
    public Set<String> reachable(String from) {
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
