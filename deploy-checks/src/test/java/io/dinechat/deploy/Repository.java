package io.dinechat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository as the checks read it: the services, their settings, the code that reads them. */
final class Repository {

    static final Path ROOT = findRoot();

    /** {@code ${NAME}} or {@code ${NAME:default}} where NAME is an environment variable (upper case). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern VARIABLE = Pattern.compile("\\bDINECHAT_[A-Z0-9_]*[A-Z0-9]\\b");

    private Repository() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.exists(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run from inside the repository: no k8s/ beside a docker-compose.yml above "
                + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployable services: the modules with an application.yml (the same rule the images profile uses). */
    static Set<String> services() {
        Set<String> services = new TreeSet<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        while (modules.find()) {
            if (Files.exists(path(modules.group(1) + "/src/main/resources/application.yml"))) {
                services.add(modules.group(1));
            }
        }
        return services;
    }

    /** One environment variable a service's configuration reads, with its default when it has one. */
    record Placeholder(String name, String defaultValue) {

        boolean required() {
            return defaultValue == null;
        }
    }

    /** The variables a service reads: its application.yml plus the platform defaults every service gets. */
    static Map<String, Placeholder> placeholders(String service) {
        Map<String, Placeholder> found = new LinkedHashMap<>();
        collectPlaceholders(read(service + "/src/main/resources/application.yml"), found);
        for (Path source : platformSources()) {
            try {
                collectPlaceholders(Files.readString(source), found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static void collectPlaceholders(String text, Map<String, Placeholder> into) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            into.putIfAbsent(m.group(1), new Placeholder(m.group(1), m.group(2)));
        }
    }

    /**
     * Every DINECHAT_* name the service's own code and configuration, or the platform's, mention:
     * placeholders, {@code getProperty("DINECHAT_…")}, and the names documented beside the properties.
     * A variable set for a service outside this vocabulary is read by nobody (a typo, a rename).
     */
    static Set<String> vocabulary(String service) {
        Set<String> names = new TreeSet<>();
        for (Path file : concat(sources(path(service + "/src/main")), platformSources())) {
            try {
                Matcher m = VARIABLE.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.addAll(placeholders(service).keySet()); // PORT and any other non-DINECHAT_ name they read
        return names;
    }

    private static List<Path> platformSources() {
        return sources(path("service-defaults/src/main"));
    }

    private static List<Path> sources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml")
                            || f.toString().endsWith(".yaml") || f.toString().endsWith(".properties"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
