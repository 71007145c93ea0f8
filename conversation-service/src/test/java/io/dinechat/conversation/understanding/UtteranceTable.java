package io.dinechat.conversation.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/** Reads the utterance tables (see src/test/resources/understanding/README.md) and checks a line against the engine. */
final class UtteranceTable {

    record Utterance(String file, int line, String text, Language previous, Language language, Intent intent,
            Map<String, String> slots) {

        @Override
        public String toString() {
            return text;
        }
    }

    private static final OfflineEngine ENGINE = new OfflineEngine();
    private static long nanos;
    private static int runs;

    private UtteranceTable() {
    }

    static List<Utterance> load(String file) {
        InputStream in = UtteranceTable.class.getResourceAsStream("/understanding/" + file);
        if (in == null) {
            throw new IllegalStateException("missing table " + file);
        }
        List<Utterance> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String[] cols = raw.split(" \\| ", -1);
                if (cols.length < 4) {
                    throw new IllegalStateException(file + ":" + number + " needs 5 columns");
                }
                Map<String, String> slots = new LinkedHashMap<>();
                if (cols.length > 4 && !cols[4].isBlank()) {
                    for (String pair : cols[4].strip().split(";")) {
                        int eq = pair.indexOf('=');
                        slots.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
                out.add(new Utterance(file, number, cols[0].strip(),
                        cols[1].strip().equals("-") ? null : Language.fromWireName(cols[1].strip()).orElseThrow(),
                        Language.fromWireName(cols[2].strip()).orElseThrow(), Intent.valueOf(cols[3].strip().replace(" |", "")),
                        slots));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Understanding understand(String text, Language previous) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Understanding u = ENGINE.understand(new TurnInput(text, previous, TestCatalog.CATALOG, TestCatalog.TODAY,
                TestCatalog.BEIRUT));
        nanos += threads.getCurrentThreadCpuTime() - start;
        runs++;
        return u;
    }

    static void check(Utterance expected) {
        Understanding u = understand(expected.text(), expected.previous());
        Slots s = u.slots();
        Map<String, String> e = expected.slots();
        SoftAssertions softly = new SoftAssertions();
        String where = expected.file() + ":" + expected.line() + " «" + expected.text() + "» → " + u;
        softly.assertThat(u.language()).as("language of " + where).isEqualTo(expected.language());
        softly.assertThat(u.intent()).as("intent of " + where).isEqualTo(expected.intent());
        softly.assertThat(s.date()).as("date of " + where).isEqualTo(e.containsKey("date") ? LocalDate.parse(e.get("date")) : null);
        softly.assertThat(s.time()).as("time of " + where).isEqualTo(e.containsKey("time") ? LocalTime.parse(e.get("time")) : null);
        softly.assertThat(s.partySize()).as("party of " + where)
                .isEqualTo(e.containsKey("party") ? Integer.valueOf(e.get("party")) : null);
        softly.assertThat(items(s.items())).as("items of " + where).isEqualTo(e.getOrDefault("items", ""));
        if (e.containsKey("name")) {
            softly.assertThat(s.name()).as("name of " + where).isEqualTo(e.get("name"));
        }
        if (e.containsKey("ref")) {
            softly.assertThat(s.bookingReference()).as("ref of " + where).isEqualTo(e.get("ref"));
        }
        if (e.containsKey("fulfilment")) {
            softly.assertThat(s.fulfilment()).as("fulfilment of " + where).isEqualTo(Fulfilment.valueOf(e.get("fulfilment")));
        }
        if (e.containsKey("address")) {
            softly.assertThat(s.address()).as("address of " + where).isEqualTo(e.get("address"));
        }
        if (e.containsKey("branch")) {
            softly.assertThat(s.branchHint()).as("branch of " + where).isEqualTo(e.get("branch"));
        }
        assertThat(u.engine()).isEqualTo(OfflineEngine.NAME);
        softly.assertAll();
    }

    /** Items in the table's notation, options in catalog order. */
    static String items(List<OrderLine> lines) {
        return lines.stream().map(line -> {
            StringBuilder b = new StringBuilder().append(line.quantity()).append('x').append(line.itemName());
            if (!line.optionIds().isEmpty()) {
                CatalogFacts.MenuItem item = TestCatalog.CATALOG.item(line.itemId()).orElseThrow();
                b.append('[').append(item.optionGroups().stream().flatMap(g -> g.options().stream())
                        .filter(o -> line.optionIds().contains(o.id())).map(CatalogFacts.Option::name)
                        .collect(Collectors.joining("+"))).append(']');
            }
            if (line.notes() != null) {
                b.append('{').append(line.notes()).append('}');
            }
            return b.toString();
        }).collect(Collectors.joining(","));
    }

    /** A note, not a timed test: how long the offline engine took per message over the tables so far. */
    static void printSpeed(String label) {
        if (runs > 0) {
            System.out.printf("offline engine (%s): %d messages, %.1f µs of CPU per message on average (cold: includes class loading and JIT warm-up)%n",
                    label, runs, nanos / 1000.0 / runs);
        }
    }
}
