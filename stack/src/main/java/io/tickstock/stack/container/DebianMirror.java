package io.tickstock.stack.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian mirror apt already uses for bookworm: the base image is debootstrapped from it, so a machine that can
 * install packages can build the image, whatever mirror it was given. Read from deb822 {@code *.sources} files first,
 * then from one-line {@code sources.list} entries.
 */
public final class DebianMirror {

    private static final String SUITE = "bookworm";

    private DebianMirror() {
    }

    /** The mirror in {@code /etc/apt} (or another apt configuration folder), if it names one for bookworm. */
    public static Optional<String> in(Path aptDir) {
        Optional<String> deb822 = fromDeb822(read(files(aptDir.resolve("sources.list.d"), ".sources")));
        if (deb822.isPresent()) {
            return deb822;
        }
        List<Path> lists = new ArrayList<>(List.of(aptDir.resolve("sources.list")));
        lists.addAll(files(aptDir.resolve("sources.list.d"), ".list"));
        return fromOneLine(read(lists));
    }

    /** The first URI of a stanza whose {@code Suites:} hold bookworm. */
    static Optional<String> fromDeb822(String text) {
        for (String stanza : text.split("\\n\\s*\\n")) {
            List<String> suites = field(stanza, "Suites");
            List<String> uris = field(stanza, "URIs");
            if (suites.contains(SUITE) && !uris.isEmpty()) {
                return Optional.of(uris.get(0));
            }
        }
        return Optional.empty();
    }

    /** The URI of the first {@code deb [options] URI bookworm ...} line. */
    static Optional<String> fromOneLine(String text) {
        for (String line : text.split("\\n")) {
            String stripped = line.replaceAll("\\[[^]]*]", " ").trim();
            String[] words = stripped.split("\\s+");
            if (words.length >= 3 && words[0].equals("deb") && words[2].equals(SUITE)) {
                return Optional.of(words[1]);
            }
        }
        return Optional.empty();
    }

    private static List<String> field(String stanza, String name) {
        for (String line : stanza.split("\\n")) {
            if (line.startsWith(name + ":")) {
                return List.of(line.substring(name.length() + 1).trim().split("\\s+"));
            }
        }
        return List.of();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            try {
                text.append(Files.readString(file)).append("\n\n");
            } catch (IOException e) {
                // a file apt cannot read either
            }
        }
        return text.toString();
    }
}
