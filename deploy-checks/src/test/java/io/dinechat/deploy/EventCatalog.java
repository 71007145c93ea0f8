package io.dinechat.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of docs/events.md ("Topics" table): name, whether compacted, and the services consuming them. */
final class EventCatalog {

    record Topic(String name, boolean compacted, Set<String> consumers) {
    }

    private static final Pattern TOPIC_CELL = Pattern.compile("^`([a-z0-9.]+)`(.*)$");

    private EventCatalog() {
    }

    /** Every topic of the table (dead-letter rows excluded: each topic implies its own). */
    static List<Topic> topics() {
        Map<String, Topic> topics = new LinkedHashMap<>();
        String current = null;
        boolean inTable = false;
        for (String line : Repository.read("docs/events.md").lines().toList()) {
            if (line.startsWith("| topic |")) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (!line.startsWith("|")) {
                if (!topics.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 7 || cells[1].trim().startsWith("---")) {
                continue;
            }
            String first = cells[1].trim();
            Matcher m = TOPIC_CELL.matcher(first);
            if (m.matches()) {
                current = m.group(1);
                if (current.endsWith(".DLT")) {
                    current = null; // the DLT's own row adds producers, not a topic
                    continue;
                }
                topics.putIfAbsent(current, new Topic(current, m.group(2).contains("compacted"), new LinkedHashSet<>()));
            } else if (!first.isEmpty()) {
                current = null;
            }
            if (current != null) {
                String consumers = cells[5];
                for (String service : Repository.services()) {
                    if (consumers.contains(service)) {
                        topics.get(current).consumers().add(service);
                    }
                }
            }
        }
        return List.copyOf(topics.values());
    }
}
