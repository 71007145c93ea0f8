package io.dinechat.deploy;

import static io.dinechat.deploy.Manifests.at;
import static io.dinechat.deploy.Manifests.containers;
import static io.dinechat.deploy.Manifests.list;
import static io.dinechat.deploy.Manifests.map;
import static io.dinechat.deploy.Manifests.name;
import static io.dinechat.deploy.Manifests.podLabels;
import static io.dinechat.deploy.Manifests.selects;
import static io.dinechat.deploy.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every workload the overlays render is one an operator can run safely: probed on the actuator
 * groups, bounded in resources, hardened, protected from voluntary disruption, and autoscaled no
 * further than its topics' partitions can feed.
 */
class WorkloadInvariantsTests {

    static final List<String> TARGETS = Manifests.TARGETS;
    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyDeploymentIsProbedBoundedAndHardened(String target) {
        var manifests = Manifests.of(target);
        List<String> problems = new ArrayList<>();
        var deployments = manifests.ofKind("Deployment");
        Set<String> services = Repository.services();
        for (var deployment : deployments) {
            String name = name(deployment);
            boolean platformService = services.contains(name);
            var pod = map(at(deployment, "spec", "template", "spec"));
            var podSecurity = map(pod.get("securityContext"));
            if (!"RuntimeDefault".equals(at(podSecurity, "seccompProfile", "type"))) {
                problems.add(name + ": pod seccompProfile is not RuntimeDefault");
            }
            if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
                problems.add(name + ": pod securityContext.runAsNonRoot is not true");
            }
            if (Objects.equals(podSecurity.get("runAsUser"), 0)) {
                problems.add(name + ": pod runs as user 0");
            }
            if (containers(deployment).isEmpty()) {
                problems.add(name + ": no containers");
            }
            for (var container : containers(deployment)) {
                String where = name + "/" + container.get("name");
                var security = map(container.get("securityContext"));
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (Boolean.TRUE.equals(security.get("privileged"))) {
                    problems.add(where + ": privileged");
                }
                if (Boolean.FALSE.equals(security.get("runAsNonRoot")) || Objects.equals(security.get("runAsUser"), 0)) {
                    problems.add(where + ": container overrides the pod to run as root");
                }
                Object drop = at(security, "capabilities", "drop");
                if (!(drop instanceof List<?> dropped) || !dropped.contains("ALL")) {
                    problems.add(where + ": capabilities do not drop ALL");
                }
                if (at(security, "capabilities", "add") instanceof List<?> added && !added.isEmpty()) {
                    problems.add(where + ": adds capabilities " + added);
                }
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (at(container, "resources", kind, resource) == null) {
                            problems.add(where + ": no " + resource + " " + kind);
                        }
                    }
                }
                Object request = at(container, "resources", "requests", "memory");
                Object limit = at(container, "resources", "limits", "memory");
                if (request != null && limit != null && bytes(str(request)) > bytes(str(limit))) {
                    problems.add(where + ": memory request " + request + " above its limit " + limit);
                }
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    Object spec = container.get(probe);
                    if (spec == null) {
                        problems.add(where + ": no " + probe);
                        continue;
                    }
                    if (platformService) {
                        String expected = probe.equals("readinessProbe") ? "/actuator/health/readiness"
                                : "/actuator/health/liveness";
                        Object path = at(spec, "httpGet", "path");
                        if (!expected.equals(path)) {
                            problems.add(where + ": " + probe + " checks " + path + ", not " + expected);
                        }
                        if (!servesPort(container, at(spec, "httpGet", "port"))) {
                            problems.add(where + ": " + probe + " port " + at(spec, "httpGet", "port")
                                    + " is not a port the container listens on");
                        }
                    } else if (at(spec, "httpGet") == null && at(spec, "exec") == null && at(spec, "tcpSocket") == null
                            && at(spec, "grpc") == null) {
                        problems.add(where + ": " + probe + " has no handler");
                    }
                }
            }
        }
        System.out.printf("%s: checked %d deployments (%d platform services)%n", manifests.name(), deployments.size(),
                manifests.serviceDeployments().size());
        assertThat(manifests.serviceDeployments()).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(services);
        assertThat(problems).as("workload problems in %s", target).isEmpty();
    }

    /** The probe's port is a named container port, or the number of one, and PORT says the app listens there. */
    private static boolean servesPort(Map<String, Object> container, Object port) {
        for (var declared : list(container.get("ports"))) {
            if (Objects.equals(declared.get("name"), port) || Objects.equals(declared.get("containerPort"), port)) {
                for (var variable : list(container.get("env"))) {
                    if ("PORT".equals(variable.get("name"))) {
                        return String.valueOf(declared.get("containerPort")).equals(str(variable.get("value")));
                    }
                }
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyServedDeploymentHasADisruptionBudgetAndThePlatformServicesAutoscaleWithinTheirPartitions(String target) {
        var manifests = Manifests.of(target);
        List<String> problems = new ArrayList<>();
        var services = manifests.ofKind("Service");
        int checked = 0;
        for (var deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            var labels = podLabels(deployment);
            boolean served = services.stream().anyMatch(s -> selects(at(s, "spec", "selector"), labels));
            if (!served) {
                continue;
            }
            checked++;
            var budgets = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(pdb -> selects(at(pdb, "spec", "selector"), labels)).toList();
            if (budgets.isEmpty()) {
                problems.add(name + ": no PodDisruptionBudget selects its pods");
            }
            for (var pdb : budgets) {
                if (Objects.equals(at(pdb, "spec", "maxUnavailable"), 0)) {
                    problems.add(name + ": PodDisruptionBudget " + name(pdb) + " allows no disruption (node drains hang)");
                }
            }
            if (!Repository.services().contains(name)) {
                continue; // supporting workloads (Redis: one replica of counters) are not autoscaled
            }
            var hpa = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> name.equals(at(h, "spec", "scaleTargetRef", "name"))
                            && "Deployment".equals(at(h, "spec", "scaleTargetRef", "kind")))
                    .findFirst().orElse(null);
            if (hpa == null) {
                problems.add(name + ": no HorizontalPodAutoscaler");
                continue;
            }
            int min = ((Number) Objects.requireNonNullElse(at(hpa, "spec", "minReplicas"), 1)).intValue();
            int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
            if (min > max) {
                problems.add(name + ": HPA minReplicas " + min + " above maxReplicas " + max);
            }
            var container = containers(deployment).getFirst();
            var env = manifests.environment(container);
            int concurrency = consumerConcurrency(name, env);
            for (var topic : EventCatalog.topics()) {
                if (!topic.consumers().contains(name)) {
                    continue;
                }
                Integer partitions = partitionsOf(manifests, topic.name());
                if (partitions == null) {
                    continue; // reported by the Kafka checks
                }
                if ((long) max * concurrency > partitions) {
                    problems.add("%s: up to %d replicas x %d consumer threads = %d consumers on %s, which has %d partitions"
                            .formatted(name, max, concurrency, max * concurrency, topic.name(), partitions)
                            + " (the extra consumers would idle; lower maxReplicas or DINECHAT_CONSUMER_CONCURRENCY)");
                }
            }
        }
        System.out.printf("%s: checked %d served deployments for PDB and autoscaling%n", manifests.name(), checked);
        assertThat(problems).as("disruption and scaling problems in %s", target).isEmpty();
    }

    /** Listener threads per pod: the deployment's DINECHAT_CONSUMER_CONCURRENCY, else the application default. */
    static int consumerConcurrency(String service, Map<String, Manifests.EnvSource> env) {
        var set = env.get("DINECHAT_CONSUMER_CONCURRENCY");
        if (set != null && set.value() != null) {
            return Integer.parseInt(set.value());
        }
        var placeholder = Repository.placeholders(service).get("DINECHAT_CONSUMER_CONCURRENCY");
        return placeholder == null || placeholder.defaultValue() == null ? 1 : Integer.parseInt(placeholder.defaultValue());
    }

    static Integer partitionsOf(Manifests manifests, String topic) {
        return manifests.ofKind("KafkaTopic").stream()
                .filter(t -> topic.equals(Objects.requireNonNullElse(str(at(t, "spec", "topicName")), name(t))))
                .map(t -> ((Number) at(t, "spec", "partitions")).intValue()).findFirst().orElse(null);
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyServiceRunsItsOwnImageAsTheOverlayMapsIt(String target) {
        var manifests = Manifests.of(target);
        Map<String, Object> kustomization = map(new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(Repository.read(target + "/kustomization.yaml")));
        List<String> problems = new ArrayList<>();
        for (var deployment : manifests.serviceDeployments()) {
            String service = name(deployment);
            String image = str(containers(deployment).getFirst().get("image"));
            String expected = "dinechat/" + service;
            var mapping = list(kustomization.get("images")).stream()
                    .filter(i -> expected.equals(i.get("name"))).findFirst().orElse(null);
            if (target.equals("k8s/base")) {
                if (!expected.equals(image)) {
                    problems.add(service + " runs " + image + " in the base, not " + expected);
                }
                continue;
            }
            if (mapping == null) {
                problems.add(target + " does not map image " + expected);
                continue;
            }
            String newName = Objects.requireNonNullElse(str(mapping.get("newName")), expected);
            if (!newName.endsWith("/" + expected) && !newName.equals(expected)) {
                problems.add(expected + " is mapped to " + newName + ", another service's image");
            }
            if (mapping.get("newTag") == null && mapping.get("digest") == null) {
                problems.add(expected + " has no tag or digest in " + target + " (would run :latest)");
            }
            String pinned = newName + (mapping.get("digest") != null ? "@" + mapping.get("digest") : ":" + mapping.get("newTag"));
            if (!pinned.equals(image)) {
                problems.add(service + " runs " + image + ", not " + pinned);
            }
        }
        assertThat(problems).as("image problems in %s", target).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePublicUrlsNameTheHostTheIngressServes(String overlay) {
        var manifests = Manifests.of(overlay);
        var hosts = manifests.ofKind("Ingress").stream()
                .flatMap(i -> list(at(i, "spec", "rules")).stream()).map(r -> str(r.get("host"))).toList();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var deployment : manifests.serviceDeployments()) {
            var env = manifests.environment(containers(deployment).getFirst());
            for (String variable : List.of("DINECHAT_PUBLIC_URL", "DINECHAT_DASHBOARD_ORIGIN", "DINECHAT_DASHBOARD_URL")) {
                var source = env.get(variable);
                if (source == null) {
                    continue;
                }
                checked++;
                String url = source.value();
                if (url == null || !url.startsWith("https://")
                        || hosts.stream().noneMatch(h -> h.equals(java.net.URI.create(url).getHost()))) {
                    problems.add(name(deployment) + ": " + variable + "=" + url + " is not https on an Ingress host " + hosts);
                }
            }
        }
        assertThat(checked).as("public URL variables found in %s", overlay).isPositive();
        assertThat(problems).as("public URL problems in %s", overlay).isEmpty();
    }

    private static long bytes(String quantity) {
        var m = java.util.regex.Pattern.compile("^([0-9.]+)([A-Za-z]*)$").matcher(quantity);
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        double number = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "" -> 1L;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            default -> Long.MAX_VALUE / 2;
        };
        return (long) (number * unit);
    }
}
