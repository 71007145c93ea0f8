package io.dinechat.deploy;

import static io.dinechat.deploy.Manifests.at;
import static io.dinechat.deploy.Manifests.containers;
import static io.dinechat.deploy.Manifests.list;
import static io.dinechat.deploy.Manifests.map;
import static io.dinechat.deploy.Manifests.name;
import static io.dinechat.deploy.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * No secret is committed: Secrets reach the cluster only through ExternalSecrets (or the operators
 * that mint them), and every variable whose name says it holds a secret is read from one.
 */
class SecretInvariantsTests {

    static final List<String> TARGETS = Manifests.TARGETS;

    /** A name segment that marks a secret: DINECHAT_STRIPE_API_KEY, DINECHAT_WHATSAPP_VERIFY_TOKEN, ... */
    static final Pattern SECRET_NAME = Pattern.compile("(^|_)(SECRET|PASSWORD|TOKEN|KEY|KEYSET|JWK|CREDENTIALS?)(_|$)");

    /** Names that match the pattern yet hold no secret. Each entry says why. */
    static final Map<String, String> NOT_SECRETS = Map.of(
            "DINECHAT_CREDENTIALS_REQUIRE_KEYSET", "a boolean switch: refuse to start without the keyset",
            "DINECHAT_IDENTITY_TOKEN_LIFETIME", "a duration",
            "DINECHAT_STRIPE_PRICE_STANDARD", "a Stripe price id, public in Stripe's checkout pages",
            "DINECHAT_STRIPE_PRICE_PREMIUM", "a Stripe price id, public in Stripe's checkout pages");

    static boolean looksSecret(String variable) {
        return SECRET_NAME.matcher(variable).find() && !NOT_SECRETS.containsKey(variable);
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void noSecretIsCommittedAndEverySecretVariableComesFromAnExternalSecret(String target) {
        var manifests = Manifests.of(target);
        List<String> problems = new ArrayList<>();
        for (var secret : manifests.ofKind("Secret")) {
            if (!map(secret.get("data")).isEmpty() || !map(secret.get("stringData")).isEmpty()) {
                problems.add("Secret " + name(secret) + " holds literal data: use an ExternalSecret");
            }
        }
        for (var configMap : manifests.ofKind("ConfigMap")) {
            for (var key : map(configMap.get("data")).keySet()) {
                if (looksSecret(key)) {
                    problems.add("ConfigMap " + name(configMap) + " holds " + key + ", which names a secret");
                }
            }
        }
        Map<String, List<String>> secretKeys = secretsTheClusterWillHave(manifests);
        int variables = 0;
        for (var deployment : manifests.ofKind("Deployment")) {
            for (var container : containers(deployment)) {
                String where = name(deployment) + "/" + container.get("name");
                for (var entry : manifests.environment(container).entrySet()) {
                    variables++;
                    String variable = entry.getKey();
                    var source = entry.getValue();
                    if (looksSecret(variable) && source.kind() != Manifests.EnvSource.Kind.SECRET) {
                        problems.add(where + ": " + variable + " is a secret but comes from "
                                + source.kind().name().toLowerCase() + (source.from() == null ? "" : " " + source.from())
                                + ", not a secretKeyRef");
                    }
                    if (source.kind() == Manifests.EnvSource.Kind.SECRET && source.value() != null) {
                        var keys = secretKeys.get(source.from());
                        if (keys == null) {
                            problems.add(where + ": " + variable + " reads Secret " + source.from()
                                    + ", which no ExternalSecret or operator creates");
                        } else if (!keys.isEmpty() && !keys.contains(source.value())) {
                            problems.add(where + ": " + variable + " reads key " + source.value() + " of Secret "
                                    + source.from() + ", which only has " + keys);
                        }
                    }
                }
            }
        }
        for (var external : manifests.ofKind("ExternalSecret")) {
            if (at(external, "spec", "secretStoreRef", "name") == null) {
                problems.add("ExternalSecret " + name(external) + " names no secret store");
            }
            for (var data : list(at(external, "spec", "data"))) {
                if (at(data, "remoteRef", "key") == null) {
                    problems.add("ExternalSecret " + name(external) + " key " + data.get("secretKey") + " has no remoteRef");
                }
            }
        }
        System.out.printf("%s: checked %d Secrets, %d ExternalSecrets, %d ConfigMaps, %d container variables%n",
                manifests.name(), manifests.ofKind("Secret").size(), manifests.ofKind("ExternalSecret").size(),
                manifests.ofKind("ConfigMap").size(), variables);
        assertThat(problems).as("secret problems in %s", target).isEmpty();
    }

    /**
     * Secret name to the keys it will hold: ExternalSecret targets, and the Secrets operators write
     * (the MongoDB operator's connection strings; an empty key list means "whatever the operator puts").
     */
    static Map<String, List<String>> secretsTheClusterWillHave(Manifests manifests) {
        Map<String, List<String>> secrets = new HashMap<>();
        for (var external : manifests.ofKind("ExternalSecret")) {
            String target = str(at(external, "spec", "target", "name"));
            String secret = target == null ? name(external) : target;
            // dataFrom copies whatever properties the store entry has: any key may be there.
            secrets.put(secret, at(external, "spec", "dataFrom") != null ? List.of() : manifests.externalSecretKeys(secret));
        }
        for (var mongo : manifests.ofKind("MongoDBCommunity")) {
            for (var user : list(at(mongo, "spec", "users"))) {
                Object connection = user.get("connectionStringSecretName");
                if (connection != null) {
                    secrets.put(connection.toString(), List.of("connectionString.standard", "connectionString.standardSrv",
                            "username", "password"));
                }
            }
        }
        return secrets;
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void theDatabaseRolesTheServicesUseAreTheOnesTheOperatorCreates(String target) {
        var manifests = Manifests.of(target);
        List<String> problems = new ArrayList<>();
        for (var deployment : manifests.serviceDeployments()) {
            var env = manifests.environment(containers(deployment).getFirst());
            var host = env.get("DINECHAT_DB_HOST");
            if (host == null) {
                continue;
            }
            String clusterName = host.value() == null ? "" : host.value().replaceFirst("-rw$", "");
            var cluster = manifests.find("Cluster", clusterName);
            if (cluster == null || !host.value().endsWith("-rw")) {
                problems.add(name(deployment) + ": DINECHAT_DB_HOST=" + host.value()
                        + " is not the read-write service of a CloudNativePG Cluster");
                continue;
            }
            String database = str(at(cluster, "spec", "bootstrap", "initdb", "database"));
            var dbName = env.get("DINECHAT_DB_NAME");
            if (dbName == null || !database.equals(dbName.value())) {
                problems.add(name(deployment) + ": DINECHAT_DB_NAME is not " + database + ", the database of " + clusterName);
            }
            String ownerSecret = str(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
            var owner = env.get("DINECHAT_DB_OWNER_PASSWORD");
            if (owner == null || !ownerSecret.equals(owner.from())) {
                problems.add(name(deployment) + ": the owner password is not read from " + ownerSecret);
            }
            var app = env.get("DINECHAT_DB_APP_PASSWORD");
            var roles = list(at(cluster, "spec", "managed", "roles"));
            boolean safeRole = roles.stream().anyMatch(r -> app != null
                    && app.from().equals(at(r, "passwordSecret", "name"))
                    && Boolean.FALSE.equals(r.get("superuser")) && Boolean.FALSE.equals(r.get("bypassrls")));
            if (!safeRole) {
                problems.add(name(deployment) + ": the runtime role is not a managed role of " + clusterName
                        + " with superuser: false and bypassrls: false");
            }
        }
        assertThat(problems).as("database role problems in %s", target).isEmpty();
    }
}
