package io.dinechat.deploy;

import static io.dinechat.deploy.Manifests.at;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Only the gateway faces the outside: everything else is denied unless a policy lets a known peer in. */
class NetworkPolicyInvariantsTests {

    static final List<String> TARGETS = Manifests.TARGETS;

    /** The namespace of the ingress controller (ingressClassName nginx). */
    static final String INGRESS_NAMESPACE = "ingress-nginx";

    @ParameterizedTest
    @FieldSource("TARGETS")
    void ingressIsDeniedByDefaultAndOnlyTheGatewayIsReachableFromOutside(String target) {
        var manifests = Manifests.of(target);
        var policies = manifests.ofKind("NetworkPolicy");
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = policies.stream().anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                && ((List<?>) at(p, "spec", "policyTypes")).contains("Ingress")
                && list(at(p, "spec", "ingress")).isEmpty());
        if (!defaultDeny) {
            problems.add("no default-deny policy (empty podSelector, policyTypes [Ingress], no ingress rules)");
        }
        Map<String, String> gateway = podLabels(manifests.find("Deployment", "gateway"));
        for (var policy : policies) {
            Object selector = at(policy, "spec", "podSelector");
            boolean onlyGateway = map(selector).containsKey("matchLabels")
                    && "gateway".equals(at(selector, "matchLabels", "app.kubernetes.io/name"));
            for (var rule : list(at(policy, "spec", "ingress"))) {
                Object from = rule.get("from");
                List<String> outside = new ArrayList<>();
                if (from == null || list(from).isEmpty()) {
                    outside.add("any source");
                }
                for (var peer : list(from)) {
                    if (peer.get("ipBlock") != null) {
                        outside.add("ipBlock " + at(peer, "ipBlock", "cidr"));
                    }
                    if (peer.containsKey("namespaceSelector") && map(peer.get("namespaceSelector")).isEmpty()) {
                        outside.add("every namespace");
                    }
                    if (INGRESS_NAMESPACE.equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))) {
                        outside.add("the ingress controller");
                    }
                }
                if (!outside.isEmpty() && !onlyGateway) {
                    problems.add("NetworkPolicy " + name(policy) + " lets " + outside + " reach pods other than the gateway");
                }
            }
        }
        boolean gatewayReachable = policies.stream().anyMatch(p -> selects(at(p, "spec", "podSelector"), gateway)
                && list(at(p, "spec", "ingress")).stream().flatMap(r -> list(r.get("from")).stream())
                        .anyMatch(peer -> INGRESS_NAMESPACE.equals(
                                at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))));
        if (!gatewayReachable) {
            problems.add("no policy lets the ingress controller (" + INGRESS_NAMESPACE + ") reach the gateway");
        }
        for (var ingress : manifests.ofKind("Ingress")) {
            for (var rule : list(at(ingress, "spec", "rules"))) {
                for (var path : list(at(rule, "http", "paths"))) {
                    String backend = str(at(path, "backend", "service", "name"));
                    if (!"gateway".equals(backend)) {
                        problems.add("Ingress " + name(ingress) + " routes " + path.get("path") + " to " + backend);
                    }
                }
            }
        }
        for (var service : manifests.ofKind("Service")) {
            String type = str(at(service, "spec", "type"));
            if ("LoadBalancer".equals(type) || "NodePort".equals(type)) {
                problems.add("Service " + name(service) + " is a " + type + ": only the Ingress faces the outside");
            }
        }
        System.out.printf("%s: checked %d NetworkPolicies, %d Ingresses, %d Services%n", manifests.name(), policies.size(),
                manifests.ofKind("Ingress").size(), manifests.ofKind("Service").size());
        assertThat(problems).as("network exposure problems in %s", target).isEmpty();
    }
}
