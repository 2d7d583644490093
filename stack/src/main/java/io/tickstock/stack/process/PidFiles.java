package io.tickstock.stack.process;

import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The stack's {@code pids/NAME.pid} files: what was started, whether or not it still runs. */
public record PidFiles(Path dir) {

    public Optional<Long> read(String name) {
        try {
            Path file = file(name);
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a pid file being rewritten
        }
    }

    public boolean exists(String name) {
        return Files.exists(file(name));
    }

    public void write(String name, long pid) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(name), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every instance of {@code service} that has a pid file (running or stale), first to last. */
    public List<Instance> started(Service service) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid"))
                    .map(f -> Instance.named(f.substring(0, f.length() - 4)))
                    .flatMap(Optional::stream).filter(i -> i.service() == service).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + ".pid");
    }
}
