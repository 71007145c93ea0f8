package io.dinechat.testing.dialogues;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the dialogue corpus: one YAML file per language ({@code language:} and a list of
 * {@code dialogues:}). The format is described in the corpus folder's README.
 */
public final class DialogueCorpus {

    private DialogueCorpus() {
    }

    public static List<Dialogue> load(Path folder) {
        List<Dialogue> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.addAll(parse(in, file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> ids = new HashSet<>();
        for (Dialogue d : all) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("dialogue id " + d.id() + " is used twice");
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Dialogue> parse(InputStream in, String source) {
        Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        String language = (String) file.get("language");
        List<Dialogue> out = new ArrayList<>();
        for (Object entry : (List<Object>) file.get("dialogues")) {
            Map<String, Object> d = (Map<String, Object>) entry;
            String id = require(d, "id", source);
            List<Dialogue.Step> steps = new ArrayList<>();
            for (Object s : (List<Object>) d.get("steps")) {
                steps.add(step((Map<String, Object>) s, id));
            }
            Dialogue.GivenBooking given = null;
            if (d.get("given") instanceof Map<?, ?> g && g.get("booking") instanceof Map<?, ?> b) {
                given = new Dialogue.GivenBooking(((Number) b.get("party")).intValue(), String.valueOf(b.get("time")),
                        b.get("by") == null ? "self" : String.valueOf(b.get("by")));
            }
            Dialogue.Expectation expect = expectation((Map<String, Object>) d.get("expect"), id);
            if (expect == null) {
                throw new IllegalArgumentException(id + " has no expect");
            }
            Dialogue dialogue = new Dialogue(id, language, (String) d.get("topic"),
                    d.get("name") == null ? "Guest" : String.valueOf(d.get("name")), given, List.copyOf(steps), expect,
                    expectation((Map<String, Object>) d.get("withoutTranscriber"), id), (String) d.get("needs"));
            if (dialogue.hasVoice() && dialogue.withoutTranscriber() == null) {
                throw new IllegalArgumentException(id + " sends a voice note but says nothing of withoutTranscriber");
            }
            out.add(dialogue);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Dialogue.Step step(Map<String, Object> s, String id) {
        if (s.containsKey("say")) {
            return new Dialogue.Step.Say(String.valueOf(s.get("say")));
        }
        if (s.containsKey("tap")) {
            return new Dialogue.Step.Tap(String.valueOf(s.get("tap")));
        }
        if (s.containsKey("voice")) {
            return new Dialogue.Step.Voice(String.valueOf(s.get("voice")));
        }
        if (s.get("location") instanceof Map<?, ?> l) {
            return new Dialogue.Step.Location(((Number) l.get("latitude")).doubleValue(),
                    ((Number) l.get("longitude")).doubleValue(), (String) l.get("name"), (String) l.get("address"));
        }
        throw new IllegalArgumentException(id + ": unknown step " + s);
    }

    @SuppressWarnings("unchecked")
    private static Dialogue.Expectation expectation(Map<String, Object> e, String id) {
        if (e == null) {
            return null;
        }
        Set<String> known = Set.of("booked", "modified", "cancelled", "refused", "ordered", "handoff", "committed",
                "mentions");
        for (String key : e.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(id + ": unknown expectation " + key);
            }
        }
        Dialogue.Order order = null;
        if (e.get("ordered") instanceof Map<?, ?> o) {
            order = new Dialogue.Order((String) o.get("fulfilment"), ((List<Object>) o.get("lines")).stream()
                    .map(String::valueOf).toList(), o.get("total") == null ? null : String.valueOf(o.get("total")));
        }
        List<String> mentions = e.get("mentions") == null ? List.of()
                : ((List<Object>) e.get("mentions")).stream().map(String::valueOf).toList();
        return new Dialogue.Expectation(booking(e.get("booked")), booking(e.get("modified")), (Boolean) e.get("cancelled"),
                (String) e.get("refused"), order, (Boolean) e.get("handoff"), (String) e.get("committed"), mentions);
    }

    private static Dialogue.Booking booking(Object value) {
        if (!(value instanceof Map<?, ?> b)) {
            return null;
        }
        return new Dialogue.Booking(b.get("party") == null ? null : ((Number) b.get("party")).intValue(),
                b.get("date") == null ? null : String.valueOf(b.get("date")),
                b.get("time") == null ? null : String.valueOf(b.get("time")));
    }

    private static String require(Map<String, Object> d, String key, String source) {
        Object value = d.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": a dialogue without " + key);
        }
        return String.valueOf(value);
    }
}
