package io.dinechat.testing.dialogues;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Plays the corpus as guests would (text, button taps, voice notes, location pins), each dialogue
 * from its own WhatsApp number, and scores task success against what really happened on the
 * reservation, order and conversation topics and what the guest was told.
 *
 * <p>After every guest step the runner waits until the assistant has answered and gone quiet
 * ({@code quiet}), or until {@code replyTimeout} passes without an answer. Besides the dialogue's own
 * expectations, every understood turn must have been taken in the dialogue's language.
 */
public final class DialogueRunner {

    /**
     * @param today the restaurant's local date; {@code {day}} becomes the first Tuesday–Saturday at
     *              least two days ahead (open all evening at the demo restaurant, far from lead times)
     */
    public record Settings(Duration replyTimeout, Duration quiet, int parallelism, LocalDate today) {
    }

    private static final Map<String, Map<DayOfWeek, String>> WEEKDAYS = Map.of(
            "english", Map.of(DayOfWeek.TUESDAY, "tuesday", DayOfWeek.WEDNESDAY, "wednesday", DayOfWeek.THURSDAY,
                    "thursday", DayOfWeek.FRIDAY, "friday", DayOfWeek.SATURDAY, "saturday"),
            "french", Map.of(DayOfWeek.TUESDAY, "mardi", DayOfWeek.WEDNESDAY, "mercredi", DayOfWeek.THURSDAY, "jeudi",
                    DayOfWeek.FRIDAY, "vendredi", DayOfWeek.SATURDAY, "samedi"),
            "arabic", Map.of(DayOfWeek.TUESDAY, "الثلاثاء", DayOfWeek.WEDNESDAY, "الأربعاء", DayOfWeek.THURSDAY,
                    "الخميس", DayOfWeek.FRIDAY, "الجمعة", DayOfWeek.SATURDAY, "السبت"),
            "arabizi", Map.of(DayOfWeek.TUESDAY, "el tlete", DayOfWeek.WEDNESDAY, "el arb3a", DayOfWeek.THURSDAY,
                    "el khamis", DayOfWeek.FRIDAY, "el jem3a", DayOfWeek.SATURDAY, "el sabt"));
    private static final Pattern LINE = Pattern.compile("(\\d+)x\\s*([^\\[]+?)\\s*(?:\\[(.*)])?\\s*");

    private final GuestChannel channel;
    private final EventLog events;
    private final Settings settings;
    private final LocalDate day;

    public DialogueRunner(GuestChannel channel, EventLog events, Settings settings) {
        this.channel = channel;
        this.events = events;
        this.settings = settings;
        LocalDate d = settings.today().plusDays(2);
        while (d.getDayOfWeek() == DayOfWeek.SUNDAY || d.getDayOfWeek() == DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        this.day = d;
    }

    public LocalDate day() {
        return day;
    }

    public EvaluationReport run(List<Dialogue> dialogues) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()));
        try {
            List<Future<DialogueResult>> running = new ArrayList<>();
            for (Dialogue d : dialogues) {
                running.add(pool.submit(() -> play(d)));
            }
            List<DialogueResult> results = new ArrayList<>();
            for (Future<DialogueResult> f : running) {
                results.add(f.get());
            }
            return new EvaluationReport(results, channel.transcribes(), day);
        } catch (Exception e) {
            throw new IllegalStateException("the evaluation did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- one dialogue ---------------------------------------------------------------------------

    DialogueResult play(Dialogue d) {
        long started = System.nanoTime();
        List<String> transcript = Collections.synchronizedList(new ArrayList<>());
        if ("tomorrow-open".equals(d.needs()) && settings.today().plusDays(1).getDayOfWeek() == DayOfWeek.MONDAY) {
            return DialogueResult.skipped(d, "tomorrow is a Monday, when the demo restaurant is closed");
        }
        String waId = newGuest();
        String key = channel.phoneNumberId() + ":" + waId;
        try {
            String reference = null;
            if (d.given() != null) {
                String owner = d.given().byStranger() ? newGuest() : waId;
                Optional<String> made = givenBooking(owner, d.given(), transcript);
                if (made.isEmpty()) {
                    return DialogueResult.failed(d, List.of("the given booking could not be made"), transcript, started);
                }
                reference = made.get();
                transcript.add("-- given: booking " + reference + " by " + (d.given().byStranger() ? "a stranger" : "this guest"));
            }
            int eventMark = events.of(key).size();
            int replyMark = channel.repliesTo(waId).size();
            for (Dialogue.Step step : d.steps()) {
                Optional<String> problem = perform(d, waId, step, reference, transcript);
                if (problem.isPresent()) {
                    return DialogueResult.failed(d, List.of(problem.get()), transcript, started);
                }
            }
            boolean voiceUntranscribed = d.hasVoice() && !channel.transcribes();
            Dialogue.Expectation expected = voiceUntranscribed ? d.withoutTranscriber() : d.expect();
            List<String> failures = check(d, expected, key, waId, eventMark, replyMark, reference, voiceUntranscribed);
            return failures.isEmpty() ? DialogueResult.passed(d, transcript, started)
                    : DialogueResult.failed(d, failures, transcript, started);
        } catch (RuntimeException e) {
            return DialogueResult.failed(d, List.of("error: " + e), transcript, started);
        }
    }

    private Optional<String> givenBooking(String owner, Dialogue.GivenBooking given, List<String> transcript) {
        String ownerKey = channel.phoneNumberId() + ":" + owner;
        String text = "Hi, I'd like to book a table for " + given.party() + " on " + WEEKDAYS.get("english")
                .get(day.getDayOfWeek()) + " at " + given.time();
        channel.write(owner, "Owner", text);
        settle(owner, transcript, "given");
        Optional<AssistantReply.Choice> confirm = offered(owner, "confirm");
        if (confirm.isEmpty()) {
            return Optional.empty();
        }
        channel.tap(owner, "Owner", confirm.get(), false);
        settle(owner, transcript, "given");
        return await(Duration.ofSeconds(10), () -> events.of(ownerKey).stream()
                .filter(e -> e.type().equals("io.dinechat.reservation.booked"))
                .map(e -> e.body().path("reference").asString(null)).filter(Objects::nonNull).findFirst());
    }

    private Optional<String> perform(Dialogue d, String waId, Dialogue.Step step, String reference,
            List<String> transcript) {
        switch (step) {
            case Dialogue.Step.Say say -> {
                String text = fill(say.text(), d.language(), reference);
                transcript.add("guest: " + text);
                channel.write(waId, d.name(), text);
            }
            case Dialogue.Step.Tap tap -> {
                Optional<AssistantReply.Choice> choice = offered(waId, fill(tap.choice(), d.language(), reference));
                if (choice.isEmpty()) {
                    return Optional.of("the guest could not tap '" + tap.choice() + "': the assistant offered no such choice");
                }
                boolean list = channel.repliesTo(waId).stream().filter(r -> r.choices().contains(choice.get()))
                        .reduce((a, b) -> b).map(AssistantReply::list).orElse(false);
                transcript.add("guest taps: " + choice.get().title() + " (" + choice.get().id() + ")");
                channel.tap(waId, d.name(), choice.get(), list);
            }
            case Dialogue.Step.Voice voice -> {
                String words = fill(voice.transcript(), d.language(), reference);
                transcript.add("guest (voice note): " + words);
                channel.voice(waId, d.name(), words);
            }
            case Dialogue.Step.Location pin -> {
                transcript.add("guest shares location: " + pin.name() + ", " + pin.address());
                channel.location(waId, d.name(), pin.latitude(), pin.longitude(), pin.name(), pin.address());
            }
        }
        settle(waId, transcript, "assistant");
        return Optional.empty();
    }

    /** Waits for the assistant's answer to the last step and for it to go quiet; writes it down. */
    private void settle(String waId, List<String> transcript, String who) {
        int before = channel.repliesTo(waId).size();
        long deadline = System.nanoTime() + settings.replyTimeout().toNanos();
        int seen = before;
        while (seen == before && System.nanoTime() < deadline) {
            sleep(40);
            seen = channel.repliesTo(waId).size();
        }
        if (seen == before) {
            transcript.add(who + ": (no reply within " + settings.replyTimeout().toSeconds() + " s)");
            return;
        }
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < settings.quiet().toNanos()) {
            sleep(40);
            int now = channel.repliesTo(waId).size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        List<AssistantReply> replies = channel.repliesTo(waId);
        for (AssistantReply r : replies.subList(before, replies.size())) {
            transcript.add(who + ": " + r.transcriptLine().replace("\n", " / "));
        }
    }

    private Optional<AssistantReply.Choice> offered(String waId, String wanted) {
        List<AssistantReply> replies = channel.repliesTo(waId);
        for (int i = replies.size() - 1; i >= 0; i--) {
            if (replies.get(i).choices().isEmpty()) {
                continue;
            }
            Predicate<String> matches = wanted.endsWith("*") ? id -> id.startsWith(wanted.substring(0, wanted.length() - 1))
                    : wanted::equals;
            return replies.get(i).choices().stream().filter(c -> matches.test(c.id())).findFirst();
        }
        return Optional.empty();
    }

    private String fill(String text, String language, String reference) {
        String filled = text.replace("{day}", WEEKDAYS.getOrDefault(language, WEEKDAYS.get("english"))
                .get(day.getDayOfWeek()));
        return reference == null ? filled : filled.replace("{ref}", reference);
    }

    // --- scoring --------------------------------------------------------------------------------

    private List<String> check(Dialogue d, Dialogue.Expectation e, String key, String waId, int eventMark,
            int replyMark, String reference, boolean voiceUntranscribed) {
        List<String> failures = new ArrayList<>();
        // Positive outcomes may trail the last reply by a moment on the topics: allow them a few seconds.
        boolean positive = e.booked() != null || e.modified() != null || Boolean.TRUE.equals(e.cancelled())
                || e.refused() != null || e.ordered() != null || Boolean.TRUE.equals(e.handoff());
        if (positive) {
            await(Duration.ofSeconds(5), () -> checkEvents(e, key, eventMark, reference).isEmpty()
                    ? Optional.of(true) : Optional.empty());
        }
        failures.addAll(checkEvents(e, key, eventMark, reference));
        List<AssistantReply> replies = channel.repliesTo(waId);
        List<AssistantReply> mine = replies.subList(Math.min(replyMark, replies.size()), replies.size());
        for (String word : e.mentions()) {
            String w = word.toLowerCase(Locale.ROOT);
            if (mine.stream().noneMatch(r -> r.transcriptLine().toLowerCase(Locale.ROOT).contains(w))) {
                failures.add("no reply mentions \"" + word + "\"");
            }
        }
        // Gibberish has no language to detect: nonsense dialogues are judged on their outcome only.
        if (!"nonsense".equals(d.topic())) {
            for (EventLog.Event turn : after(key, eventMark, "io.dinechat.conversation.turn.handled")) {
                String engine = turn.body().path("engine").asString("");
                String language = turn.body().path("language").asString("");
                if ((engine.equals("offline") || engine.equals("llm")) && !language.equals(d.language())) {
                    failures.add("a turn was understood as " + language + ", not " + d.language());
                    break;
                }
            }
        }
        return failures;
    }

    private List<String> checkEvents(Dialogue.Expectation e, String key, int eventMark, String reference) {
        List<String> failures = new ArrayList<>();
        if (e.booked() != null) {
            List<EventLog.Event> booked = after(key, eventMark, "io.dinechat.reservation.booked");
            if (booked.stream().noneMatch(b -> sameBooking(e.booked(), b.body()))) {
                failures.add("expected a booking " + describe(e.booked()) + "; booked: " + bookings(booked));
            }
        }
        if (e.modified() != null) {
            List<EventLog.Event> modified = after(key, eventMark, "io.dinechat.reservation.modified");
            if (modified.stream().noneMatch(m -> sameBooking(e.modified(), m.body())
                    && (reference == null || reference.equals(m.body().path("reference").asString(null))))) {
                failures.add("expected booking " + reference + " changed to " + describe(e.modified()) + "; modified: "
                        + bookings(modified));
            }
        }
        if (Boolean.TRUE.equals(e.cancelled())) {
            if (after(key, eventMark, "io.dinechat.reservation.cancelled").stream()
                    .noneMatch(c -> reference == null || reference.equals(c.body().path("reference").asString(null)))) {
                failures.add("expected booking " + reference + " cancelled; it was not");
            }
        }
        if (e.refused() != null) {
            boolean refused = events.of(key).stream().skip(eventMark)
                    .filter(ev -> ev.type().endsWith(".rejected"))
                    .anyMatch(ev -> {
                        for (JsonNode reason : ev.body().path("reasons")) {
                            if (e.refused().equals(reason.path("code").asString(""))) {
                                return true;
                            }
                        }
                        return false;
                    });
            if (!refused) {
                failures.add("expected a refusal " + e.refused() + "; none was published");
            }
        }
        if (e.ordered() != null) {
            List<EventLog.Event> placed = after(key, eventMark, "io.dinechat.order.placed");
            if (placed.stream().noneMatch(p -> sameOrder(e.ordered(), p.body()))) {
                failures.add("expected an order " + e.ordered().lines() + " " + e.ordered().fulfilment()
                        + (e.ordered().total() == null ? "" : " total " + e.ordered().total()) + "; placed: "
                        + placed.stream().map(p -> orderLines(p.body())).toList());
            }
        }
        if (Boolean.TRUE.equals(e.handoff())) {
            if (after(key, eventMark, "io.dinechat.conversation.handoff.changed").stream()
                    .noneMatch(h -> "escalated".equals(h.body().path("state").asString("")))) {
                failures.add("expected a handoff to a person; there was none");
            }
        }
        if ("nothing".equals(e.committed())) {
            List<String> commits = events.of(key).stream().skip(eventMark)
                    .map(EventLog.Event::type)
                    .filter(t -> t.equals("io.dinechat.reservation.booked") || t.equals("io.dinechat.reservation.modified")
                            || t.equals("io.dinechat.reservation.cancelled") || t.equals("io.dinechat.order.placed"))
                    .toList();
            if (!commits.isEmpty()) {
                failures.add("expected nothing committed; got " + commits);
            }
        }
        return failures;
    }

    private List<EventLog.Event> after(String key, int mark, String type) {
        return events.of(key).stream().skip(mark).filter(e -> e.type().equals(type)).toList();
    }

    private boolean sameBooking(Dialogue.Booking expected, JsonNode body) {
        if (expected.party() != null && body.path("partySize").asInt(-1) != expected.party()) {
            return false;
        }
        String startsAt = body.path("startsAt").asString("");
        if (expected.date() != null && !startsAt.startsWith(date(expected.date()).toString())) {
            return false;
        }
        return expected.time() == null || startsAt.endsWith("T" + LocalTime.parse(expected.time()));
    }

    private LocalDate date(String expected) {
        return switch (expected) {
            case "day" -> day;
            case "tomorrow" -> settings.today().plusDays(1);
            default -> LocalDate.parse(expected);
        };
    }

    private String describe(Dialogue.Booking b) {
        return (b.party() == null ? "" : "for " + b.party() + " ") + (b.date() == null ? "" : "on " + date(b.date()) + " ")
                + (b.time() == null ? "" : "at " + b.time());
    }

    private static String bookings(List<EventLog.Event> events) {
        return events.stream().map(e -> e.body().path("partySize").asInt() + " at " + e.body().path("startsAt").asString())
                .toList().toString();
    }

    private static boolean sameOrder(Dialogue.Order expected, JsonNode placed) {
        if (expected.fulfilment() != null && !expected.fulfilment().equalsIgnoreCase(placed.path("fulfilment").asString(""))) {
            return false;
        }
        if (expected.total() != null && new BigDecimal(expected.total())
                .compareTo(new BigDecimal(placed.path("total").asString("-1"))) != 0) {
            return false;
        }
        List<String> wanted = expected.lines().stream().map(DialogueRunner::normalLine).sorted().toList();
        return wanted.equals(orderLines(placed).stream().sorted().toList());
    }

    private static List<String> orderLines(JsonNode placed) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : placed.path("lines")) {
            List<String> options = new ArrayList<>();
            line.path("options").forEach(o -> options.add(o.path("name").asString("").toLowerCase(Locale.ROOT)));
            Collections.sort(options);
            lines.add(line.path("quantity").asInt() + "x " + line.path("name").asString("").toLowerCase(Locale.ROOT)
                    + " " + options);
        }
        return lines;
    }

    private static String normalLine(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("order line not understood: " + line);
        }
        List<String> options = new ArrayList<>();
        if (m.group(3) != null && !m.group(3).isBlank()) {
            for (String o : m.group(3).split(",\\s*(?![^()]*\\))")) {
                options.add(o.strip().toLowerCase(Locale.ROOT));
            }
        }
        Collections.sort(options);
        return m.group(1) + "x " + m.group(2).strip().toLowerCase(Locale.ROOT) + " " + options;
    }

    // --- small things ---------------------------------------------------------------------------

    private static <T> Optional<T> await(Duration timeout, java.util.function.Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<T> found = probe.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
            found = probe.get();
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newGuest() {
        return "9617" + (10_000_000 + ThreadLocalRandom.current().nextLong(89_999_999));
    }

    /** One dialogue's result, with what went wrong and the whole exchange. */
    public record DialogueResult(Dialogue dialogue, Status status, List<String> failures, List<String> transcript,
            Duration took) {

        public enum Status { PASSED, FAILED, SKIPPED }

        static DialogueResult passed(Dialogue d, List<String> transcript, long started) {
            return new DialogueResult(d, Status.PASSED, List.of(), List.copyOf(transcript), since(started));
        }

        static DialogueResult failed(Dialogue d, List<String> failures, List<String> transcript, long started) {
            return new DialogueResult(d, Status.FAILED, List.copyOf(failures), List.copyOf(transcript), since(started));
        }

        static DialogueResult skipped(Dialogue d, String why) {
            return new DialogueResult(d, Status.SKIPPED, List.of(why), List.of(), Duration.ZERO);
        }

        private static Duration since(long started) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** The scores: overall, per language, per topic; every failure with its transcript. */
    public record EvaluationReport(List<DialogueResult> results, boolean transcribed, LocalDate day) {

        public long count(DialogueResult.Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        /** Passed over played (skipped dialogues are not played). */
        public double successRate() {
            long played = results.size() - count(DialogueResult.Status.SKIPPED);
            return played == 0 ? 0 : (double) count(DialogueResult.Status.PASSED) / played;
        }

        public String render(String title) {
            StringBuilder out = new StringBuilder();
            out.append("\n=== ").append(title).append(" ===\n");
            out.append("dialogues: ").append(results.size()).append(", played: ")
                    .append(results.size() - count(DialogueResult.Status.SKIPPED)).append(", voice notes ")
                    .append(transcribed ? "transcribed" : "not transcribed (no speech-to-text configured)")
                    .append(", {day} = ").append(day).append(" (").append(day.getDayOfWeek()).append(")\n");
            Map<String, long[]> byLanguage = new TreeMap<>();
            Map<String, long[]> byTopic = new TreeMap<>();
            for (DialogueResult r : results) {
                if (r.status() == DialogueResult.Status.SKIPPED) {
                    continue;
                }
                long pass = r.status() == DialogueResult.Status.PASSED ? 1 : 0;
                byLanguage.computeIfAbsent(r.dialogue().language(), k -> new long[2]);
                byLanguage.get(r.dialogue().language())[0] += pass;
                byLanguage.get(r.dialogue().language())[1]++;
                String topic = r.dialogue().topic() == null ? "-" : r.dialogue().topic();
                byTopic.computeIfAbsent(topic, k -> new long[2]);
                byTopic.get(topic)[0] += pass;
                byTopic.get(topic)[1]++;
            }
            byLanguage.forEach((language, n) -> out.append(String.format(Locale.ROOT, "  %-9s %3d/%-3d %5.1f%%%n",
                    language, n[0], n[1], 100.0 * n[0] / n[1])));
            out.append(String.format(Locale.ROOT, "  %-9s %3d/%-3d %5.1f%%%n", "overall",
                    count(DialogueResult.Status.PASSED), results.size() - count(DialogueResult.Status.SKIPPED),
                    100.0 * successRate()));
            out.append("by topic:");
            byTopic.forEach((topic, n) -> out.append(' ').append(topic).append(' ').append(n[0]).append('/').append(n[1]));
            out.append('\n');
            for (DialogueResult r : results) {
                if (r.status() == DialogueResult.Status.SKIPPED) {
                    out.append("SKIPPED ").append(r.dialogue().id()).append(": ").append(r.failures()).append('\n');
                }
            }
            for (DialogueResult r : results) {
                if (r.status() != DialogueResult.Status.FAILED) {
                    continue;
                }
                out.append("\nFAILED ").append(r.dialogue().id()).append(" (").append(r.dialogue().language()).append(", ")
                        .append(r.dialogue().topic()).append(")\n");
                r.failures().forEach(f -> out.append("  ✗ ").append(f).append('\n'));
                r.transcript().forEach(line -> out.append("    ").append(line).append('\n'));
            }
            return out.toString();
        }
    }

}
