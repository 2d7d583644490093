package io.tickstock.k8s.check;

import io.tickstock.k8s.Manifests;
import java.util.List;

/** One rule every rendering of our manifests must keep; a problem is a sentence naming the object and the rule. */
public interface ManifestCheck {

    List<String> problems(Manifests manifests);

    /** All of them, in the order an operator would read the problems. */
    static List<ManifestCheck> all() {
        return List.of(new SelectorsMatchLabels(), new PortsMatch(), new ContainersHardened(),
                new ProcessorStateful(), new DisruptionAndScaling(), new StrimziComplete(),
                new TopicsMatchConfiguration(), new EnvironmentMatchesConfiguration(), new NetworkFlows());
    }
}
