package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** An overlay of deploy/k8s as {@code kubectl kustomize} renders it: the text, and every document as a tree. */
record Rendered(String overlay, String text, List<JsonNode> documents) {

    static final Path K8S = Path.of(System.getProperty("deploy.k8s.dir", "../deploy/k8s")).toAbsolutePath().normalize();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Stream<String> overlays() {
        return Stream.of("dev", "prod");
    }

    static Rendered of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::render);
    }

    private static Rendered render(String overlay) {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            fail("no overlay " + dir);
        }
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            // Never a silent skip: CI's machine has kubectl, and without it nothing here is checked.
            throw new AssertionError("kubectl is not on the PATH (" + e.getMessage() + "): deploy-check renders deploy/k8s with "
                    + "`kubectl kustomize` and cannot check the manifests without it; install kubectl (1.27 or later)", e);
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed: " + err);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
                while (it.hasNext()) {
                    JsonNode d = it.next();
                    if (d != null && !d.isNull() && !d.isEmpty()) {
                        docs.add(d);
                    }
                }
            }
            return new Rendered(overlay, text, docs);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not render " + dir, e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode one(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String id(JsonNode doc) {
        return doc.path("apiVersion").asText() + " " + doc.path("kind").asText() + " " + name(doc);
    }
}
