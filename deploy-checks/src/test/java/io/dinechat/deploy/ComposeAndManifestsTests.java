package io.dinechat.deploy;

import static io.dinechat.deploy.Manifests.at;
import static io.dinechat.deploy.Manifests.containers;
import static io.dinechat.deploy.Manifests.map;
import static io.dinechat.deploy.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * docker-compose.yml and the Kubernetes overlays run the same seven services with the same
 * configuration vocabulary, every setting a service cannot do without is given in both, and every
 * variable given is one the service reads.
 */
class ComposeAndManifestsTests {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /**
     * Variables that may be set on one side only, per service ("*" = every service). Each entry says why.
     * Format: service -> variable -> reason. Empty today: compose and the manifests agree exactly.
     */
    static final Map<String, Map<String, String>> ONLY_IN_COMPOSE = Map.of();
    static final Map<String, Map<String, String>> ONLY_IN_KUBERNETES = Map.of();

    /** Variables read without appearing in any service's code or configuration; each entry says how. */
    static final Map<String, String> READ_INDIRECTLY = Map.of(
            "DINECHAT_IDENTITY_JWKS_URI", "relaxed binding of dinechat.identity.jwks-uri (PlatformProperties.Identity)");

    /** Local-only defaults (localhost) a deployment may leave alone; each entry says why. */
    static final Map<String, String> LOCAL_DEFAULT_ACCEPTED = Map.of(
            "DINECHAT_MEDIA_PUBLIC_BASE_URL", "order-service's photo store is local files until the S3 adapter "
                    + "exists (README); no deployed value is right yet");

    private static final Pattern INTERPOLATION = Pattern.compile("^\\$\\{[A-Z0-9_]+(:?[?-][^}]*)?}$");

    @Test
    void composeAndEveryOverlayRunTheSameSevenServices() {
        var expected = Repository.services();
        assertThat(expected).hasSize(7);
        assertThat(Compose.load().platformServices().keySet()).as("docker-compose.yml services with a dinechat/* image")
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String overlay : Manifests.TARGETS) {
            assertThat(Manifests.of(overlay).serviceDeployments()).extracting(Manifests::name)
                    .as("Deployments in %s", overlay).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceGetsTheSameVariablesFromComposeAndTheOverlay(String overlay) {
        var manifests = Manifests.of(overlay);
        var compose = Compose.load().platformServices();
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (var deployment : manifests.serviceDeployments()) {
            String service = name(deployment);
            Set<String> inKubernetes = names(manifests.environment(containers(deployment).getFirst()).keySet());
            Set<String> inCompose = names(Compose.environment(compose.getOrDefault(service, Map.of())).keySet());
            compared += inKubernetes.size();
            for (String variable : difference(inCompose, inKubernetes)) {
                if (!allowed(ONLY_IN_COMPOSE, service, variable)) {
                    problems.add(service + ": " + variable + " is set in docker-compose.yml but not in " + overlay);
                }
            }
            for (String variable : difference(inKubernetes, inCompose)) {
                if (!allowed(ONLY_IN_KUBERNETES, service, variable)) {
                    problems.add(service + ": " + variable + " is set in " + overlay + " but not in docker-compose.yml");
                }
            }
        }
        System.out.printf("%s: compared %d variables of %d services with docker-compose.yml%n", manifests.name(), compared,
                manifests.serviceDeployments().size());
        assertThat(problems).as("compose and %s disagree", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySettingWithoutADeployableDefaultIsGivenInComposeAndTheOverlay(String overlay) {
        var manifests = Manifests.of(overlay);
        var compose = Compose.load().platformServices();
        List<String> problems = new ArrayList<>();
        for (String service : Repository.services()) {
            var deployment = manifests.find("Deployment", service);
            Set<String> inKubernetes = deployment == null ? Set.of()
                    : manifests.environment(containers(deployment).getFirst()).keySet();
            Set<String> inCompose = Compose.environment(compose.getOrDefault(service, Map.of())).keySet();
            for (var placeholder : Repository.placeholders(service).values()) {
                String why = placeholder.required() ? "has no default"
                        : placeholder.defaultValue().matches(".*(localhost|127\\.0\\.0\\.1).*")
                                && !LOCAL_DEFAULT_ACCEPTED.containsKey(placeholder.name())
                                        ? "defaults to " + placeholder.defaultValue() + ", which no container reaches"
                                        : null;
                if (why == null) {
                    continue;
                }
                if (!inKubernetes.contains(placeholder.name())) {
                    problems.add(service + ": " + placeholder.name() + " " + why + " but " + overlay + " does not set it");
                }
                if (!inCompose.contains(placeholder.name())) {
                    problems.add(service + ": " + placeholder.name() + " " + why + " but docker-compose.yml does not set it");
                }
            }
        }
        assertThat(problems).as("settings missing for %s or compose", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableGivenIsOneTheServiceReads(String overlay) {
        var manifests = Manifests.of(overlay);
        var compose = Compose.load().platformServices();
        var common = map(at(manifests.find("ConfigMap", "dinechat-common"), "data")).keySet();
        Set<String> everyVocabulary = new TreeSet<>(READ_INDIRECTLY.keySet());
        Repository.services().forEach(s -> everyVocabulary.addAll(Repository.vocabulary(s)));
        List<String> problems = new ArrayList<>();
        for (String shared : names(common)) {
            if (!everyVocabulary.contains(shared)) {
                problems.add("ConfigMap dinechat-common sets " + shared + ", which no service reads");
            }
        }
        for (String service : Repository.services()) {
            Set<String> vocabulary = new HashSet<>(Repository.vocabulary(service));
            vocabulary.addAll(READ_INDIRECTLY.keySet());
            var deployment = manifests.find("Deployment", service);
            Set<String> own = new TreeSet<>(names(manifests.environment(containers(deployment).getFirst()).keySet()));
            own.removeAll(common);
            for (String variable : own) {
                if (!vocabulary.contains(variable)) {
                    problems.add(service + ": " + overlay + " sets " + variable + ", which " + service + " never reads");
                }
            }
            Set<String> composeOwn = new TreeSet<>(names(Compose.environment(compose.getOrDefault(service, Map.of())).keySet()));
            composeOwn.removeAll(common);
            for (String variable : composeOwn) {
                if (!vocabulary.contains(variable)) {
                    problems.add(service + ": docker-compose.yml sets " + variable + ", which " + service + " never reads");
                }
            }
        }
        assertThat(problems).as("variables nobody reads in %s or compose", overlay).isEmpty();
    }

    @Test
    void composeRunsEachServiceHardenedProbedAndAfterWhatItNeeds() {
        var compose = Compose.load();
        var services = compose.services();
        String version = projectVersion();
        List<String> problems = new ArrayList<>();
        for (var entry : compose.platformServices().entrySet()) {
            String service = entry.getKey();
            var body = entry.getValue();
            var env = Compose.environment(body);
            if (!("dinechat/" + service + ":" + version).equals(body.get("image"))) {
                problems.add(service + ": image " + body.get("image") + " is not dinechat/" + service + ":" + version);
            }
            if (!"65532:65532".equals(String.valueOf(body.get("user")))) {
                problems.add(service + ": user is " + body.get("user") + ", not the image's 65532:65532");
            }
            if (!Boolean.TRUE.equals(body.get("read_only"))) {
                problems.add(service + ": root filesystem is not read_only");
            }
            if (!String.valueOf(body.get("tmpfs")).contains("/tmp")) {
                problems.add(service + ": no tmpfs on /tmp (the JVM and Netty need it)");
            }
            if (!String.valueOf(body.get("cap_drop")).contains("ALL")) {
                problems.add(service + ": capabilities are not dropped");
            }
            String port = env.get("PORT");
            Object test = at(body, "healthcheck", "test");
            String expectedProbe = "http://localhost:" + port + "/actuator/health/readiness";
            if (!(test instanceof List<?> command) || !command.contains("io.dinechat.platform.ops.HealthProbe")
                    || !command.contains(expectedProbe) || !command.contains("@/app/jib-classpath-file")) {
                problems.add(service + ": health check " + test + " does not run HealthProbe on " + expectedProbe);
            }
            var dependsOn = map(body.get("depends_on"));
            for (var dependency : dependsOn.entrySet()) {
                if (!"service_healthy".equals(at(dependency.getValue(), "condition"))) {
                    problems.add(service + ": depends on " + dependency.getKey() + " without condition service_healthy");
                }
                if (at(services.get(dependency.getKey()), "healthcheck") == null) {
                    problems.add(service + ": depends on " + dependency.getKey() + ", which has no health check");
                }
            }
            need(problems, service, dependsOn, env, "DINECHAT_KAFKA_BOOTSTRAP_SERVERS", "kafka");
            need(problems, service, dependsOn, env, "DINECHAT_DB_HOST", "postgres");
            need(problems, service, dependsOn, env, "DINECHAT_MONGODB_URI", "mongodb");
            need(problems, service, dependsOn, env, "DINECHAT_REDIS_URL", "redis");
            for (var variable : env.entrySet()) {
                String value = variable.getValue();
                if (SecretInvariantsTests.looksSecret(variable.getKey())
                        && (value == null || !INTERPOLATION.matcher(value).matches())) {
                    problems.add(service + ": " + variable.getKey() + " is written into docker-compose.yml; "
                            + "interpolate it from the env file (${" + variable.getKey() + "})");
                }
            }
        }
        System.out.printf("compose: checked %d platform services and %d supporting services%n",
                compose.platformServices().size(), services.size() - compose.platformServices().size());
        assertThat(problems).as("docker-compose.yml problems").isEmpty();
    }

    private static void need(List<String> problems, String service, Map<String, Object> dependsOn, Map<String, String> env,
            String variable, String dependency) {
        String value = env.get(variable);
        if (value != null && value.contains(dependency) && !dependsOn.containsKey(dependency)) {
            problems.add(service + ": uses " + dependency + " (" + variable + ") but does not wait for it to be healthy");
        }
    }

    @Test
    void composeEnginesAreTheRealOnesAndPostgresCreatesTheRolesTheServicesUse() {
        var services = Compose.load().services();
        assertThat(String.valueOf(at(services.get("kafka"), "image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(Compose.environment(services.get("kafka")).get("KAFKA_PROCESS_ROLES")))
                .as("KRaft").contains("controller");
        assertThat(String.valueOf(at(services.get("postgres"), "image"))).startsWith("postgres:17");
        assertThat(String.valueOf(at(services.get("mongodb"), "image"))).startsWith("mongo:7");
        assertThat(String.valueOf(at(services.get("mongodb"), "command"))).as("a replica set").contains("--replSet");
        for (String engine : List.of("kafka", "postgres", "mongodb", "redis")) {
            assertThat(at(services.get(engine), "healthcheck", "test")).as("%s health check", engine).isNotNull();
        }
        // What postgres-init.sh creates must be what each service logs in as.
        String script = Repository.read("deploy/compose/postgres-init.sh");
        Matcher loop = Pattern.compile("for service in ([a-z ]+); do").matcher(script);
        assertThat(loop.find()).as("postgres-init.sh loops over the services").isTrue();
        Set<String> created = new TreeSet<>(List.of(loop.group(1).trim().split(" +")));
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Compose.load().platformServices().forEach((service, body) -> {
            var env = Compose.environment(body);
            if (env.get("DINECHAT_DB_HOST") == null) {
                return;
            }
            String prefix = service.replaceFirst("-service$", "");
            used.add(prefix);
            check(problems, service, env, "DINECHAT_DB_NAME", "dinechat_" + prefix);
            check(problems, service, env, "DINECHAT_DB_OWNER_USER", prefix + "_owner");
            check(problems, service, env, "DINECHAT_DB_APP_USER", prefix + "_app");
            check(problems, service, env, "DINECHAT_DB_OWNER_PASSWORD", "${" + prefix.toUpperCase() + "_DB_OWNER_PASSWORD:?}");
            check(problems, service, env, "DINECHAT_DB_APP_PASSWORD", "${" + prefix.toUpperCase() + "_DB_APP_PASSWORD:?}");
        });
        assertThat(created).as("databases postgres-init.sh creates").isEqualTo(used);
        assertThat(script).contains("nobypassrls").contains("nosuperuser");
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, String service, Map<String, String> env, String variable, String expected) {
        if (!expected.equals(env.get(variable))) {
            problems.add(service + ": " + variable + " is " + env.get(variable) + ", postgres-init.sh makes " + expected);
        }
    }

    private static Set<String> names(Set<String> variables) {
        Set<String> names = new TreeSet<>();
        for (String variable : variables) {
            if (variable.startsWith("DINECHAT_") || variable.equals("PORT")) {
                names.add(variable);
            }
        }
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static boolean allowed(Map<String, Map<String, String>> allowList, String service, String variable) {
        return allowList.getOrDefault(service, Map.of()).containsKey(variable)
                || allowList.getOrDefault("*", Map.of()).containsKey(variable);
    }

    private static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>dinechat</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repository.read("pom.xml"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
