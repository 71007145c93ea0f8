package io.dinechat.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes objects an overlay renders to, exactly as {@code kubectl kustomize} produces them
 * (what {@code kubectl apply -k} would send), with the lookups the checks need.
 */
final class Manifests {

    /** The overlays operators deploy, and the base they share. */
    static final List<String> TARGETS = List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod");
    static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String target;
    final List<Map<String, Object>> objects;

    private Manifests(String target, List<Map<String, Object>> objects) {
        this.target = target;
        this.objects = objects;
    }

    static Manifests of(String target) {
        return RENDERED.computeIfAbsent(target, Manifests::render);
    }

    /** The overlay's short name for messages: base, dev, prod. */
    String name() {
        return Path.of(target).getFileName().toString();
    }

    @SuppressWarnings("unchecked")
    private static Manifests render(String target) {
        String kubectl = kubectl();
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", Repository.path(target).toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("kubectl kustomize " + target + " failed: " + err);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(new String(out, StandardCharsets.UTF_8))) {
                if (document instanceof Map<?, ?> map) {
                    objects.add((Map<String, Object>) map);
                }
            }
            var manifests = new Manifests(target, List.copyOf(objects));
            System.out.printf("rendered %s: %d objects %s%n", target, objects.size(), manifests.kindCounts());
            return manifests;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl from KUBECTL or the PATH; without it CI fails (the checks must run there) and a laptop skips. */
    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        String message;
        if (configured != null && !configured.isBlank()) {
            if (Files.isExecutable(Path.of(configured))) {
                return configured;
            }
            message = "KUBECTL=" + configured + " is not an executable kubectl: the rendered Kubernetes manifests "
                    + "cannot be checked.";
        } else {
            for (String dir : Objects.requireNonNullElse(System.getenv("PATH"), "").split(java.io.File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                    return Path.of(dir, "kubectl").toString();
                }
            }
            message = "kubectl is not on the PATH (nor in KUBECTL): the rendered Kubernetes manifests cannot be "
                    + "checked. Install kubectl (it bundles kustomize) to run deploy-checks.";
        }
        if (System.getenv("CI") != null) {
            fail(message + " CI is set, so this is a failure, not a skip.");
        }
        Assumptions.abort(message);
        return null;
    }

    Map<String, Long> kindCounts() {
        return objects.stream().collect(Collectors.groupingBy(o -> (String) o.get("kind"), TreeMap::new,
                Collectors.counting()));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
    }

    static String name(Map<String, Object> object) {
        return str(at(object, "metadata", "name"));
    }

    /** The Deployments of the platform's own services (not Redis and other supporting workloads). */
    List<Map<String, Object>> serviceDeployments() {
        var services = Repository.services();
        return ofKind("Deployment").stream().filter(d -> services.contains(name(d))).toList();
    }

    /** The names and sources of a container's environment: literal, secretKeyRef, configMapKeyRef, envFrom. */
    Map<String, EnvSource> environment(Map<String, Object> container) {
        Map<String, EnvSource> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container.get("envFrom"))) {
            if (from.get("configMapRef") instanceof Map<?, ?> ref) {
                var configMap = find("ConfigMap", (String) ref.get("name"));
                if (configMap != null && configMap.get("data") instanceof Map<?, ?> data) {
                    data.forEach((k, v) -> env.put((String) k,
                            new EnvSource(EnvSource.Kind.CONFIG_MAP, String.valueOf(v), (String) ref.get("name"))));
                }
            }
            if (from.get("secretRef") instanceof Map<?, ?> ref) {
                for (String key : externalSecretKeys((String) ref.get("name"))) {
                    env.put(key, new EnvSource(EnvSource.Kind.SECRET, null, (String) ref.get("name")));
                }
            }
        }
        for (Map<String, Object> variable : list(container.get("env"))) {
            String name = (String) variable.get("name");
            if (variable.get("valueFrom") instanceof Map<?, ?> from) {
                if (from.get("secretKeyRef") instanceof Map<?, ?> ref) {
                    env.put(name, new EnvSource(EnvSource.Kind.SECRET, (String) ref.get("key"), (String) ref.get("name")));
                } else if (from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    var configMap = find("ConfigMap", (String) ref.get("name"));
                    Object value = configMap == null ? null : at(configMap, "data", (String) ref.get("key"));
                    env.put(name, new EnvSource(EnvSource.Kind.CONFIG_MAP, value == null ? null : value.toString(),
                            (String) ref.get("name")));
                } else {
                    env.put(name, new EnvSource(EnvSource.Kind.OTHER, null, null));
                }
            } else {
                env.put(name, new EnvSource(EnvSource.Kind.LITERAL, str(variable.get("value")), null));
            }
        }
        return env;
    }

    /** The keys an ExternalSecret writes into its target Secret. */
    List<String> externalSecretKeys(String secretName) {
        for (var external : ofKind("ExternalSecret")) {
            String target = Objects.requireNonNullElse(str(at(external, "spec", "target", "name")), name(external));
            if (target.equals(secretName)) {
                return list(at(external, "spec", "data")).stream().map(d -> (String) d.get("secretKey")).toList();
            }
        }
        return List.of();
    }

    /** Where a variable's value comes from. */
    record EnvSource(Kind kind, String value, String from) {
        enum Kind { LITERAL, CONFIG_MAP, SECRET, OTHER }
    }

    // --- tree navigation over the parsed YAML

    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        if (!(node instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(i -> (Map<String, Object>) i).toList();
    }

    static String str(Object node) {
        return node == null ? null : node.toString();
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(at(workload, "spec", "template", "spec", "containers"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> podLabels(Map<String, Object> workload) {
        return (Map<String, String>) (Map<?, ?>) map(at(workload, "spec", "template", "metadata", "labels"));
    }

    /** A label selector (matchLabels and In/Exists expressions) against a set of labels. */
    static boolean selects(Object selector, Map<String, String> labels) {
        if (!(selector instanceof Map<?, ?>)) {
            return false;
        }
        Map<String, Object> s = map(selector);
        Object matchLabels = s.containsKey("matchLabels") || s.containsKey("matchExpressions") ? s.get("matchLabels") : s;
        for (var entry : map(matchLabels).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (var expression : list(s.get("matchExpressions"))) {
            String key = (String) expression.get("key");
            List<?> values = expression.get("values") instanceof List<?> v ? v : List.of();
            boolean ok = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
