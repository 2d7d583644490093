package io.tickstock.stack.container;

/**
 * A user the images run as. The services run as 185 (the k8s manifests' runAsUser), the broker as 1001, so the
 * threads of one do not count against the other's process limit (ulimit nproc 1024 is per user). The folders the
 * stack mounts into a container are given to its user.
 */
public record ImageUser(String name, int id) {

    public static final ImageUser SERVICE = new ImageUser("tickstock", 185);
    public static final ImageUser KAFKA = new ImageUser("kafka", 1001);

    public String idText() {
        return Integer.toString(id);
    }
}
