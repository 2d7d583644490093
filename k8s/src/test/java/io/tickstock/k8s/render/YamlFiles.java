package io.tickstock.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tickstock.k8s.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files, one or more documents each, as Jackson trees. */
public final class YamlFiles {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {
    }

    /** Every non-empty document of a file, as Kubernetes objects. */
    public static List<Resource> resources(Path file) {
        return asResources(documents(file), file.getFileName().toString());
    }

    /** Every non-empty document of YAML text (an inline patch), as Kubernetes objects. */
    public static List<Resource> resources(String yaml, String origin) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return asResources(nonEmpty(it), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + origin, e);
        }
    }

    /** The single document of a file, as a mapping. */
    public static ObjectNode single(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1 || !docs.get(0).isObject()) {
            throw new IllegalArgumentException(file + ": expected exactly one YAML mapping, found " + docs.size());
        }
        return (ObjectNode) docs.get(0);
    }

    public static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return nonEmpty(it);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<JsonNode> nonEmpty(MappingIterator<JsonNode> it) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        while (it.hasNext()) {
            JsonNode doc = it.next();
            if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                docs.add(doc);
            }
        }
        return docs;
    }

    private static List<Resource> asResources(List<JsonNode> docs, String origin) {
        List<Resource> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (!doc.isObject()) {
                throw new IllegalArgumentException(origin + ": a document is not a YAML mapping: " + doc);
            }
            out.add(new Resource((ObjectNode) doc, origin));
        }
        return out;
    }
}
