package io.dinechat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml as Compose reads it (YAML merge keys resolved), without running Docker. */
final class Compose {

    final Map<String, Object> document;

    private Compose(Map<String, Object> document) {
        this.document = document;
    }

    static Compose load() {
        return new Compose(Manifests.map(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read("docker-compose.yml"))));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new TreeMap<>();
        Manifests.map(document.get("services")).forEach((name, body) -> services.put(name, Manifests.map(body)));
        return services;
    }

    /** The platform's services: those running a dinechat/* image. */
    Map<String, Map<String, Object>> platformServices() {
        Map<String, Map<String, Object>> platform = new TreeMap<>();
        services().forEach((name, body) -> {
            if (String.valueOf(body.get("image")).startsWith("dinechat/")) {
                platform.put(name, body);
            }
        });
        return platform;
    }

    /** A service's variables as written (values may be ${...} interpolations), env_file entries included. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object files = service.get("env_file");
        for (Object file : files instanceof List<?> l ? l : files == null ? List.of() : List.of(files)) {
            Object path = file instanceof Map<?, ?> m ? m.get("path") : file;
            Path resolved = Repository.ROOT.resolve(String.valueOf(path));
            if (Files.exists(resolved)) {
                try {
                    for (String line : Files.readAllLines(resolved)) {
                        int eq = line.indexOf('=');
                        if (!line.isBlank() && !line.trim().startsWith("#") && eq > 0) {
                            env.put(line.substring(0, eq).trim(), line.substring(eq + 1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return env;
    }
}
