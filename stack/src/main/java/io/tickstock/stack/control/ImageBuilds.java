package io.tickstock.stack.control;

import io.tickstock.stack.container.DebianMirror;
import io.tickstock.stack.container.ImageUser;
import io.tickstock.stack.container.Images;
import io.tickstock.stack.container.Podman;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The stack's container images, built here with podman from {@code deploy/containers}, nothing pulled from a
 * registry: a JRE base image debootstrapped from the Debian mirror apt uses and imported, then the broker's image
 * and one per service FROM it (docs/operations.md, "Container images").
 */
public final class ImageBuilds {

    private static final List<String> TOOLS = List.of("podman", "runc", "debootstrap");
    // what only the base image's build needed (package downloads and indexes) and what a JVM never reads
    // (documentation, translations of the system's programs: 34 MB)
    private static final List<String> EMPTIED = List.of("var/cache/apt/archives", "var/lib/apt/lists",
            "usr/share/doc", "usr/share/man", "usr/share/locale");

    private final Stack stack;
    private final Podman podman = new Podman();

    public ImageBuilds(Stack stack) {
        this.stack = stack;
    }

    /**
     * The jars, the base image (once: {@code podman rmi} it to build it again), then the broker's and the services'
     * images; with {@code onlyStale} only those missing or older than their jars, whose code they would not run.
     */
    public void build(boolean onlyStale) {
        requireTools();
        Builds builds = new Builds(stack);
        builds.services(false);
        builds.kafkaRuntime();
        Directories.create(stack.home().containers());
        baseImage();
        Path root = stack.layout().root();
        imageOrSkip(Images.kafka(root), stack.home().kafkaLibs(), onlyStale, this::kafkaImage);
        for (Service service : Service.values()) {
            imageOrSkip(Images.of(service, root), root.resolve(service.module()).resolve("target/quarkus-app"),
                    onlyStale, image -> serviceImage(service, image));
        }
    }

    /** Each image of the stack with its size, as podman lists them. */
    public List<String> sizes() {
        Path root = stack.layout().root();
        List<String> names = new ArrayList<>(List.of(Images.base(root), Images.kafka(root)));
        for (Service service : Service.values()) {
            names.add(Images.of(service, root));
        }
        String listed = podman.run(List.of("images", "--format", "{{.Repository}}:{{.Tag}}  {{.Size}}")).output();
        return listed.lines().filter(line -> names.stream().anyMatch(line::contains)).toList();
    }

    private void imageOrSkip(String image, Path input, boolean onlyStale, Consumer<String> build) {
        if (onlyStale && current(image, input)) {
            return;
        }
        stack.console().info("building " + image);
        String previous = imageId(image);
        build.accept(image);
        if (!previous.isEmpty() && !previous.equals(imageId(image))) {
            // the image it replaced would stay behind untagged (a container still using it keeps it)
            podman.run(List.of("rmi", previous));
        }
    }

    private void kafkaImage(String image) {
        Path root = stack.layout().root();
        podmanBuild(image, List.of("-f", root.resolve("deploy/containers/kafka.Containerfile").toString(),
                "--build-context", "libs=" + stack.home().kafkaLibs(),
                "--build-context", "local=" + root.resolve("deploy/local"), root.resolve("deploy/containers").toString()));
    }

    private void serviceImage(Service service, String image) {
        Path root = stack.layout().root();
        podmanBuild(image, List.of("-f", root.resolve("deploy/containers/service.Containerfile").toString(),
                "--build-context", "containers=" + root.resolve("deploy/containers"),
                "--build-arg", "HTTP_PORT=" + service.defaultPort(), root.resolve(service.module()).toString()));
    }

    private void podmanBuild(String image, List<String> args) {
        List<String> command = new ArrayList<>(List.of("build", "--quiet", "--format", "docker", "--build-arg",
                "BASE_IMAGE=" + Images.base(stack.layout().root()), "-t", image));
        command.addAll(args);
        Podman.Result built = podman.run(command);
        if (!built.ok()) {
            throw new StackException("building " + image + " failed:\n" + built.output());
        }
    }

    /** Built after the newest file it is built from (to the second, as podman keeps its creation time). */
    private boolean current(String image, Path input) {
        Podman.Result created = podman.run(List.of("image", "inspect", "--format", "{{.Created.Unix}}", image));
        return created.ok() && newestFileSeconds(input) <= Long.parseLong(created.output().trim());
    }

    private String imageId(String image) {
        Podman.Result id = podman.run(List.of("image", "inspect", "--format", "{{.Id}}", image));
        return id.ok() ? id.output().trim() : "";
    }

    private void baseImage() {
        String image = Images.base(stack.layout().root());
        if (!imageId(image).isEmpty()) {
            stack.console().info("base image " + image + " (cached)");
            return;
        }
        String mirror = DebianMirror.in(Path.of("/etc/apt")).orElseThrow(() -> new StackException("no Debian "
                + "bookworm mirror in /etc/apt/sources.list(.d); the base image is debootstrapped from it."));
        Path rootfs = stack.home().containers().resolve("rootfs");
        Path log = stack.home().containers().resolve("debootstrap.log");
        stack.console().info("building the base image " + image + ": debootstrap bookworm from " + mirror
                + " (once, about a minute)");
        Directories.deleteTree(rootfs);
        Directories.create(rootfs);
        if (Commands.runLogged(stack.home().dir(), List.of("debootstrap", "--variant=minbase",
                "--include=openjdk-17-jre-headless", "bookworm", rootfs.toString(), mirror), log) != 0) {
            throw new StackException("debootstrap failed; see " + log);
        }
        for (ImageUser user : List.of(ImageUser.SERVICE, ImageUser.KAFKA)) {
            addUser(rootfs, user, log);
        }
        for (String dir : EMPTIED) {
            emptyDirectory(rootfs.resolve(dir));
        }
        importImage(rootfs, image);
        Directories.deleteTree(rootfs);
    }

    /** A user and its group with the manifests' id (below Debian's range for login users: -K says it is meant). */
    private void addUser(Path rootfs, ImageUser user, Path log) {
        boolean added = Commands.runLogged(rootfs, List.of("chroot", rootfs.toString(), "groupadd", "-K",
                "GID_MIN=100", "-g", user.idText(), user.name()), log) == 0
                && Commands.runLogged(rootfs, List.of("chroot", rootfs.toString(), "useradd", "-K", "UID_MIN=100",
                        "-u", user.idText(), "-g", user.name(), "-d", "/var/lib/" + user.name(), "-m", "-s",
                        "/usr/sbin/nologin", user.name()), log) == 0;
        if (!added) {
            throw new StackException("adding the user " + user.name() + " to the base image failed; see " + log);
        }
    }

    /** {@code tar -C ROOTFS -c . | podman import}: an image from a root file system, no registry, no Containerfile. */
    private void importImage(Path rootfs, String image) {
        ProcessBuilder tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-c", ".");
        List<String> importing = new ArrayList<>(Podman.command());
        importing.addAll(List.of("import", "--quiet", "--change", "ENV LANG=C.UTF-8", "-", image));
        ProcessBuilder podmanImport = new ProcessBuilder(importing).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        podmanImport.environment().putAll(Podman.environment());
        try {
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(tar, podmanImport));
            if (pipeline.get(1).waitFor() != 0 || pipeline.get(0).waitFor() != 0) {
                throw new StackException("podman import of the base image failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tar | podman import", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted importing the base image");
        }
    }

    /** podman, runc and debootstrap from Debian's packages: installed when missing (as root), else named. */
    private void requireTools() {
        List<String> missing = TOOLS.stream().filter(tool -> !Commands.onPath(tool)).toList();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!missing.isEmpty()) {
            if (!root || !Commands.onPath("apt-get")) {
                throw new StackException("containers need " + String.join(" ", missing) + " (Debian: sudo apt-get "
                        + "install " + String.join(" ", missing) + "), and root: the images and cgroup limits are "
                        + "podman's as root.");
            }
            stack.console().info("installing " + String.join(" ", missing) + " from Debian's packages");
            List<String> install = new ArrayList<>(List.of("install", "-y", "-qq"));
            install.addAll(missing);
            if (aptGet(List.of("update", "-qq")) != 0 || aptGet(install) != 0) {
                throw new StackException("apt-get install " + String.join(" ", missing) + " failed; install them "
                        + "yourself and run again.");
            }
        }
        if (!root) {
            throw new StackException("containers run with podman as root here (cgroup limits, host network); run as "
                    + "root.");
        }
    }

    private int aptGet(List<String> args) {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run apt-get", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted running apt-get");
        }
    }

    static long newestFileSeconds(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(ImageBuilds::modified).mapToLong(t -> t.toMillis() / 1000)
                    .max().orElse(Long.MAX_VALUE);
        } catch (IOException | UncheckedIOException e) {
            return Long.MAX_VALUE; // nothing to compare with: build it
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(Directories::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
