package io.dinechat.conversation.understanding;

import io.dinechat.conversation.understanding.CatalogFacts.MenuItem;
import io.dinechat.conversation.understanding.CatalogFacts.Option;
import io.dinechat.conversation.understanding.CatalogFacts.OptionGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the catalog's items in a guest's words, with quantities, options and notes: "2 large
 * chawarmas with extra garlic, no pickles and a coke". Matching is accent- and diacritic-insensitive,
 * plural-tolerant, forgives a typo per word and knows common transliterations ({@link Dishes}). A full
 * name always wins; a part of a name counts when only one item has it ("the fattoush"), otherwise it
 * is reported as ambiguous so the assistant can ask which one.
 */
public final class MenuMatcher {

    /** What the guest's words matched: order lines in the order mentioned, and mentions that fit several items. */
    public record Result(List<OrderLine> lines, List<Ambiguity> ambiguous) {

        static final Result NONE = new Result(List.of(), List.of());
    }

    /** "shawarma" when the menu has chicken and beef shawarma: the words as written, and the items they fit. */
    public record Ambiguity(String asWritten, List<UUID> candidates) {
    }

    private MenuMatcher() {
    }

    /** Matches a text on its own (for the dialog policy and the language-model engine's guard). */
    public static Result match(String text, CatalogFacts catalog) {
        Index index = index(catalog);
        return match(new Work(GuestText.of(text, index::knows, Lexicon::isVocabulary)), index);
    }

    /**
     * The option of one group that a guest's answer names ("regular", "the large one", "كبيرة") when
     * asked to choose in that group; empty when none or several fit. Unavailable options never fit.
     */
    public static java.util.Optional<Option> choice(String text, OptionGroup group) {
        GuestText said = GuestText.raw(text);
        List<String> canon = new ArrayList<>();
        for (GuestText.Token token : said.tokens) {
            if (!Dishes.FILLER.contains(token.text())) {
                canon.add(Dishes.canonical(token.text()));
            }
        }
        Index scratch = new Index();
        List<Option> fits = new ArrayList<>();
        for (Option option : group.options()) {
            if (!option.available()) {
                continue;
            }
            List<String> key = keyTokens(option.name(), canonicalTokens(option.name(), scratch));
            boolean all = !key.isEmpty() && key.stream().allMatch(t -> canon.stream().anyMatch(w -> w.equals(t)
                    || Fuzzy.similar(w, t) || Transliteration.sameSound(w, t)));
            if (all) {
                fits.add(option);
            }
        }
        return fits.size() == 1 ? java.util.Optional.of(fits.getFirst()) : java.util.Optional.empty();
    }

    // ---- index of a catalog, built once per CatalogFacts instance

    /**
     * An option of an item: {@code tokens} are the words that must be said to choose it (its name
     * without what is in brackets and without "extra"/"spicy"-like modifiers: "large" for "Large (40
     * cm)", "nduja" for "Spicy 'nduja"), {@code words} every word of its name.
     */
    record IndexedOption(OptionGroup group, Option option, List<String> tokens, List<String> words) {
    }

    record IndexedItem(MenuItem item, List<String> tokens, List<IndexedOption> options) {
    }

    static final class Index {
        final List<IndexedItem> items = new ArrayList<>();
        final Set<String> vocabulary = new HashSet<>();
        final Set<String> folded = new HashSet<>();
        final Map<String, Integer> frequency = new HashMap<>();
        final Set<String> optionWords = new HashSet<>();

        boolean knows(String foldedWord) {
            return folded.contains(foldedWord) || vocabulary.contains(Dishes.canonical(foldedWord));
        }
    }

    private static final Map<CatalogFacts, Index> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    static Index index(CatalogFacts catalog) {
        Index cached = CACHE.get(catalog);
        if (cached != null) {
            return cached;
        }
        Index index = build(catalog);
        synchronized (CACHE) {
            if (CACHE.size() > 256) {
                CACHE.clear(); // catalogs are replaced by newer snapshots; keep the cache small
            }
            CACHE.put(catalog, index);
        }
        return index;
    }

    private static Index build(CatalogFacts catalog) {
        Index index = new Index();
        for (MenuItem item : catalog.items()) {
            List<String> tokens = canonicalTokens(item.name(), index);
            if (tokens.isEmpty()) {
                continue;
            }
            List<IndexedOption> options = new ArrayList<>();
            for (OptionGroup group : item.optionGroups()) {
                for (Option option : group.options()) {
                    List<String> optionWords = canonicalTokens(option.name(), index);
                    if (!optionWords.isEmpty()) {
                        options.add(new IndexedOption(group, option, keyTokens(option.name(), optionWords), optionWords));
                        index.optionWords.addAll(optionWords);
                    }
                }
            }
            // longer option names first: "extra cheese" before "cheese"
            options.sort((a, b) -> b.words().size() != a.words().size() ? b.words().size() - a.words().size()
                    : b.tokens().size() - a.tokens().size());
            index.items.add(new IndexedItem(item, tokens, options));
            for (String t : new HashSet<>(tokens)) {
                index.frequency.merge(t, 1, Integer::sum);
            }
        }
        return index;
    }

    /** Words that only qualify an option and are seldom said ("extra burrata" is often just "burrata"). */
    private static final Set<String> OPTION_MODIFIERS = Set.copyOf(List.of("extra", "spicy", "add", "added", "side",
            "double", "more", "with", "option", "choice"));

    private static List<String> keyTokens(String optionName, List<String> all) {
        String bare = optionName.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ");
        List<String> outside = new ArrayList<>();
        for (GuestText.Token token : GuestText.raw(bare).tokens) {
            if (!Dishes.FILLER.contains(token.text())) {
                String canonical = Dishes.canonical(token.text());
                if (!outside.contains(canonical)) {
                    outside.add(canonical);
                }
            }
        }
        List<String> key = outside.stream().filter(t -> !OPTION_MODIFIERS.contains(t)).toList();
        return !key.isEmpty() ? key : !outside.isEmpty() ? outside : all;
    }

    private static List<String> canonicalTokens(String name, Index index) {
        List<String> out = new ArrayList<>();
        for (GuestText.Token token : GuestText.raw(name).tokens) {
            String word = token.text();
            index.folded.add(word);
            if (Dishes.FILLER.contains(word)) {
                continue;
            }
            String canonical = Dishes.canonical(word);
            index.vocabulary.add(canonical);
            if (!out.contains(canonical)) {
                out.add(canonical);
            }
        }
        return out;
    }

    // ---- matching

    private record Candidate(IndexedItem item, int start, int end, int matched, boolean full) {
    }

    private static final class Chosen {
        final IndexedItem item;
        final int start;
        final int end;
        int mentionStart;
        int quantity = 1;

        Chosen(IndexedItem item, int start, int end) {
            this.item = item;
            this.start = start;
            this.end = end;
            this.mentionStart = start;
        }
    }

    static Result match(Work work, Index index) {
        if (index.items.isEmpty()) {
            return Result.NONE;
        }
        GuestText text = GuestText.raw(work.current());
        GuestText original = work.text;
        List<GuestText.Token> tokens = text.tokens;
        int n = tokens.size();
        if (n == 0) {
            return Result.NONE;
        }
        String[] words = new String[n];
        String[] canon = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = tokens.get(i).text();
            canon[i] = Dishes.FILLER.contains(words[i]) ? null : Dishes.canonical(words[i]);
        }
        boolean[] used = new boolean[n];
        List<Chosen> chosen = new ArrayList<>();
        List<Ambiguity> ambiguous = new ArrayList<>();

        List<Candidate> candidates = candidates(index, canon);
        // full names first, longest first
        candidates.sort((a, b) -> a.full() != b.full() ? (a.full() ? -1 : 1)
                : b.matched() != a.matched() ? b.matched() - a.matched()
                : a.start() != b.start() ? a.start() - b.start() : (a.end() - a.start()) - (b.end() - b.start()));
        for (Candidate c : candidates) {
            if (!c.full() || overlaps(used, c.start(), c.end())) {
                continue;
            }
            take(used, c.start(), c.end());
            chosen.add(new Chosen(c.item(), c.start(), c.end()));
        }
        preferOptionsOverItems(text, words, used, chosen);
        // options of the fully named items claim their words before partial names are considered
        Map<Chosen, List<UUID>> options = new LinkedHashMap<>();
        Map<Chosen, String> notes = new HashMap<>();
        quantitiesAndOptions(text, original, words, canon, used, chosen, options, notes);

        List<Chosen> partials = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.full() || overlaps(used, c.start(), c.end())) {
                continue;
            }
            List<Candidate> tied = candidates.stream().filter(o -> !o.full() && o.matched() == c.matched()
                    && o.start() <= c.end() && c.start() <= o.end() && o.item() != c.item()).toList();
            if (!tied.isEmpty()) {
                List<UUID> ids = new ArrayList<>();
                ids.add(c.item().item().id());
                tied.forEach(t -> {
                    if (!ids.contains(t.item().item().id())) {
                        ids.add(t.item().item().id());
                    }
                });
                ambiguous.add(new Ambiguity(original.originalOf(tokens.get(c.start()).start(), tokens.get(c.end()).end()), ids));
                take(used, c.start(), c.end());
                continue;
            }
            take(used, c.start(), c.end());
            Chosen p = new Chosen(c.item(), c.start(), c.end());
            partials.add(p);
        }
        quantitiesAndOptions(text, original, words, canon, used, partials, options, notes);
        chosen.addAll(partials);
        chosen.sort((a, b) -> a.start - b.start);

        List<OrderLine> lines = new ArrayList<>();
        for (Chosen c : chosen) {
            MenuItem item = c.item.item();
            lines.add(new OrderLine(item.id(), item.name(), c.quantity, options.getOrDefault(c, List.of()), notes.get(c)));
            work.mask(tokens.get(c.mentionStart).start(), tokens.get(c.end).end());
        }
        return new Result(List.copyOf(lines), List.copyOf(ambiguous));
    }

    /** Words that attach what follows to the item before: "margherita with extra burrata", "ma3 extra burrata". */
    private static final Set<String> OPTION_CUES = Set.copyOf(List.of("with", "avec", "ma3", "m3", "مع", "extra", "add"));

    /**
     * "Margherita with extra burrata" is one pizza with the Extra burrata option, not a Margherita and
     * a Burrata: an item named right after another item, behind "with"/"avec"/"ma3"/"مع"/"extra" and
     * no separator, that is also one of that item's options, is given back to the options.
     */
    private static void preferOptionsOverItems(GuestText text, String[] words, boolean[] used, List<Chosen> chosen) {
        chosen.sort((a, b) -> a.start - b.start);
        for (int i = chosen.size() - 1; i >= 1; i--) {
            Chosen c = chosen.get(i);
            Chosen before = chosen.get(i - 1);
            boolean cued = false;
            boolean separated = false;
            for (int k = before.end + 1; k < c.start; k++) {
                String canonical = Dishes.canonical(words[k]);
                cued |= OPTION_CUES.contains(words[k]) || OPTION_CUES.contains(canonical);
            }
            for (int k = before.end + 1; k <= c.start; k++) {
                separated |= separatorBefore(text, k);
            }
            if (!cued || separated || c.start - before.end > 4) {
                continue;
            }
            boolean isOption = before.item.options().stream().anyMatch(o -> o.words().containsAll(c.item.tokens())
                    || o.tokens().containsAll(c.item.tokens()));
            if (isOption) {
                for (int k = c.start; k <= c.end; k++) {
                    used[k] = false;
                }
                chosen.remove(i);
            }
        }
    }

    private static List<Candidate> candidates(Index index, String[] canon) {
        int n = canon.length;
        List<Candidate> out = new ArrayList<>();
        Map<String, Set<String>> similarCache = new HashMap<>();
        for (IndexedItem item : index.items) {
            List<String> name = item.tokens();
            for (int i = 0; i < n; i++) {
                if (canon[i] == null || indexOf(name, canon[i], similarCache, index) < 0) {
                    continue;
                }
                boolean[] taken = new boolean[name.size()];
                int matched = 0;
                int last = i;
                int skipped = 0;
                for (int j = i; j < n && j <= i + 3 * name.size() + 2; j++) {
                    if (canon[j] == null) {
                        continue; // "soupe à l'oignon": little words do not break a name
                    }
                    int k = indexOf(name, canon[j], similarCache, index);
                    if (k >= 0 && !taken[k]) {
                        taken[k] = true;
                        matched++;
                        last = j;
                        skipped = 0;
                        if (matched == name.size()) {
                            break;
                        }
                    } else if (++skipped > 1) {
                        break;
                    }
                }
                boolean full = matched == name.size();
                if (!full && !distinctive(name, taken, index)) {
                    continue;
                }
                out.add(new Candidate(item, i, last, matched, full));
            }
        }
        return out;
    }

    /** A partial name counts only through a word that is not generic (not an option word, not a common cue). */
    private static boolean distinctive(List<String> name, boolean[] taken, Index index) {
        for (int k = 0; k < name.size(); k++) {
            String word = name.get(k);
            if (taken[k] && word.length() >= 3 && !index.optionWords.contains(word) && !Lexicon.isVocabulary(word)
                    && !GENERIC.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> GENERIC = Set.copyOf(List.of("table", "menu", "order", "large", "small", "medium", "extra",
            "sauce", "plate", "sandwich", "salad", "special", "mixed", "grilled", "fresh", "house", "combo", "meal",
            "side", "drink", "juice", "water", "soup", "box", "family", "kid", "kids", "vegetarian", "dessert", "wrap"));

    private static int indexOf(List<String> name, String word, Map<String, Set<String>> cache, Index index) {
        for (int k = 0; k < name.size(); k++) {
            String known = name.get(k);
            if (known.equals(word)) {
                return k;
            }
        }
        Set<String> similar = cache.computeIfAbsent(word, w -> {
            Set<String> s = new HashSet<>();
            if (!w.isEmpty() && GuestText.isArabicLetter(w.charAt(0)) && !Lexicon.isVocabulary(w)) {
                for (String v : index.vocabulary) {
                    if (Transliteration.sameSound(w, v)) {
                        s.add(v); // "مارغريتا" is Margherita
                    }
                }
                if (!s.isEmpty()) {
                    return s;
                }
            }
            if (w.length() < 5 || Lexicon.isVocabulary(w)) {
                return s; // short words and everyday words only match exactly ("been" is not "beef")
            }
            for (String v : index.vocabulary) {
                if (Fuzzy.similar(w, v)) {
                    s.add(v);
                }
            }
            return s;
        });
        if (similar.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < name.size(); k++) {
            if (similar.contains(name.get(k))) {
                return k;
            }
        }
        return -1;
    }

    private static void quantitiesAndOptions(GuestText text, GuestText original, String[] words, String[] canon, boolean[] used,
            List<Chosen> chosen, Map<Chosen, List<UUID>> options, Map<Chosen, String> notes) {
        int n = words.length;
        chosen.sort((a, b) -> a.start - b.start);
        for (Chosen c : chosen) {
            // quantity before the name, over this item's option words: "2 large pizzas", "2x hummus"
            for (int k = c.start - 1; k >= 0 && k >= c.start - 3; k--) {
                if (used[k]) {
                    break;
                }
                Integer q = quantity(words[k]);
                if (q != null) {
                    c.quantity = q;
                    c.mentionStart = k;
                    used[k] = true;
                    break;
                }
                if (separatorBefore(text, k + 1) || !(isOptionWord(c.item, canon[k]) || isKindWord(c.item, canon[k])
                        || Dishes.FILLER.contains(words[k]))) {
                    break;
                }
            }
            // or after it: "hummus x2", "falafel 3"
            if (c.mentionStart == c.start && c.end + 1 < n && !used[c.end + 1]) {
                String next = words[c.end + 1];
                Integer q = null;
                if (next.matches("x\\d{1,2}")) {
                    q = Integer.parseInt(next.substring(1));
                } else if (next.equals("x") && c.end + 2 < n && words[c.end + 2].matches("\\d{1,2}")) {
                    q = Integer.parseInt(words[c.end + 2]);
                    used[c.end + 2] = true;
                } else if (next.matches("\\d{1,2}") && (c.end + 2 >= n || separatorBefore(text, c.end + 2))) {
                    q = Integer.parseInt(next);
                }
                if (q != null && q > 0 && q < 100) {
                    c.quantity = q;
                    used[c.end + 1] = true;
                }
            }
        }
        for (Chosen c : chosen) {
            // the item's own clause: back to the previous separator, on to the next one
            int from = c.mentionStart;
            while (from > 0 && !used[from - 1] && !separatorBefore(text, from)) {
                from--;
            }
            int to = c.end;
            while (to + 1 < n && !used[to + 1]
                    && (!separatorBefore(text, to + 1) || Dishes.NEGATIONS.contains(words[to + 1]))) {
                to++; // a clause of its own that only takes something away ("…, no pickles") belongs to this item
            }
            List<UUID> picked = new ArrayList<>(options.getOrDefault(c, List.of()));
            Map<OptionGroup, Integer> perGroup = new HashMap<>();
            for (IndexedOption option : c.item.options()) {
                int max = option.group().maxChoices() <= 0 ? Integer.MAX_VALUE : option.group().maxChoices();
                if (perGroup.getOrDefault(option.group(), 0) >= max) {
                    continue;
                }
                List<Integer> at = find(option.tokens(), canon, used, from, to, c);
                if (at == null) {
                    continue;
                }
                int first = Collections.min(at);
                if (first > 0 && Dishes.NEGATIONS.contains(words[first - 1])) {
                    continue; // "no garlic" is a note, not the garlic option
                }
                at.forEach(k -> used[k] = true);
                picked.add(option.option().id());
                perGroup.merge(option.group(), 1, Integer::sum);
            }
            List<UUID> catalogOrder = c.item.options().stream().map(o -> o.option().id()).toList();
            List<UUID> inCatalogOrder = new ArrayList<>();
            c.item.item().optionGroups().forEach(g -> g.options().forEach(o -> {
                if (picked.contains(o.id())) {
                    inCatalogOrder.add(o.id());
                }
            }));
            options.put(c, catalogOrder.isEmpty() ? picked : inCatalogOrder);
            List<String> said = new ArrayList<>();
            for (int k = from; k <= to; k++) {
                if ((k < c.start || k > c.end) && !used[k] && Dishes.NEGATIONS.contains(words[k]) && k + 1 <= to) {
                    int end = k + 1;
                    if (words[k].equals("pas") && end <= to && (words[end].equals("de") || words[end].equals("d"))) {
                        end++;
                    }
                    if (end <= to) {
                        said.add(original.originalOf(text.tokens.get(k).start(), text.tokens.get(end).end()));
                        for (int u = k; u <= end; u++) {
                            used[u] = true;
                        }
                    }
                }
            }
            if (!said.isEmpty()) {
                notes.put(c, String.join(", ", said));
            }
        }
    }

    private static List<Integer> find(List<String> optionTokens, String[] canon, boolean[] used, int from, int to, Chosen c) {
        List<Integer> at = new ArrayList<>();
        for (String t : optionTokens) {
            int found = -1;
            for (int k = from; k <= to; k++) {
                if (!used[k] && (k < c.start || k > c.end) && canon[k] != null && !at.contains(k)
                        && (canon[k].equals(t) || Fuzzy.similar(canon[k], t) || Transliteration.sameSound(canon[k], t))) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                return null;
            }
            at.add(found);
        }
        return at;
    }

    private static boolean isOptionWord(IndexedItem item, String canonical) {
        if (canonical == null) {
            return false;
        }
        for (IndexedOption o : item.options()) {
            if (o.words().contains(canonical)) {
                return true;
            }
        }
        return false;
    }

    /** A word naming what the item is, from its tags ("pizza" in "2 pizza margherita"). */
    private static boolean isKindWord(IndexedItem item, String canonical) {
        if (canonical == null) {
            return false;
        }
        for (String tag : item.item().tags()) {
            if (Dishes.canonical(GuestText.foldPhrase(tag)).equals(canonical)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SEPARATOR_WORDS = Set.copyOf(List.of("and", "et", "w", "و", "plus", "also", "aussi", "kamen",
            "kaman", "then", "puis", "ou", "or", "aw", "او"));

    /** True when a comma, line break, "and"… stands between token k-1 and token k. */
    private static boolean separatorBefore(GuestText text, int k) {
        if (k <= 0 || k >= text.tokens.size()) {
            return true;
        }
        if (SEPARATOR_WORDS.contains(text.tokens.get(k - 1).text())) {
            return true;
        }
        int gapStart = text.tokens.get(k - 1).end();
        int gapEnd = text.tokens.get(k).start();
        for (int i = gapStart; i < gapEnd; i++) {
            char ch = text.folded.charAt(i);
            if (ch == ',' || ch == ';' || ch == '\n' || ch == '+' || ch == '.' || ch == '&') {
                return true;
            }
        }
        return false;
    }

    /** 1–99 in digits or words ("deux", "tnen", "اثنين"), "2x", or the article "a"/"une" for one. */
    static Integer quantity(String word) {
        if (word.matches("\\d{1,2}")) {
            int q = Integer.parseInt(word);
            return q > 0 ? q : null;
        }
        if (word.matches("\\d{1,2}x")) {
            return Integer.parseInt(word.substring(0, word.length() - 1));
        }
        Integer q = Lexicon.NUMBERS.get(word);
        return q != null && q <= 20 && !word.equals("شخصين") ? q : null;
    }

    private static void take(boolean[] used, int start, int end) {
        for (int k = start; k <= end; k++) {
            used[k] = true;
        }
    }

    private static boolean overlaps(boolean[] used, int start, int end) {
        for (int k = start; k <= end; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }
}
