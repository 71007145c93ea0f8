package io.dinechat.conversation.understanding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folding of food words so the guest's spelling meets the catalog's: transliterations of Lebanese
 * dishes ("chawarma", "shawerma", "شاورما" are one word), French/Arabic/Arabizi names of common
 * ingredients, sizes and drinks, plurals and the Arabic article.
 */
final class Dishes {

    private Dishes() {
    }

    private static final Map<String, String> CANONICAL = new HashMap<>();

    private static final List<List<String>> SAME = List.of(
            List.of("shawarma", "chawarma", "shawerma", "shwarma", "shawarmah", "shawurma", "chawerma", "shawirma",
                    "shawrma", "شاورما", "شاورمه", "شورما"),
            List.of("falafel", "falefel", "felafel", "falafil", "fela", "فلافل"),
            List.of("hummus", "houmous", "hommos", "hoummos", "7ommos", "hommous", "humus", "hommus", "houmos",
                    "7ummus", "7ommus", "حمص"),
            List.of("tabbouleh", "taboule", "tabboule", "tabbouli", "tabouli", "tabouleh", "tabbule", "tabboula",
                    "تبوله"),
            List.of("fattoush", "fattouch", "fattouche", "fatouch", "fatoush", "fattush", "فتوش"),
            List.of("manoushe", "manakish", "man2oushe", "mana2ish", "man2ouche", "manouche", "manakeesh", "manaeesh",
                    "man2ushe", "manousheh", "manoushi", "منقوشه", "مناقيش", "مناقيش"),
            List.of("zaatar", "za3tar", "zaatr", "zaatar", "thyme", "زعتر"),
            List.of("kebbeh", "kibbeh", "kebbe", "kibbe", "kibeh", "kebbeh", "كبه"),
            List.of("labneh", "labne", "labni", "labnah", "لبنه"),
            List.of("knefeh", "knafeh", "kenefe", "knefe", "kunafa", "knafe", "كنافه"),
            List.of("baklava", "baklawa", "baqlawa", "بقلاوه"),
            List.of("tawook", "taouk", "tawouk", "tawuk", "tawouq", "taook", "طاووق", "طاوق"),
            List.of("kafta", "kefta", "kofta", "كفته"),
            List.of("mezze", "mezza", "maza", "mazza", "مازه"),
            List.of("arak", "ara2", "عرق"),
            List.of("chicken", "poulet", "djej", "dajaj", "jej", "jeej", "جاج", "دجاج", "فراخ"),
            List.of("beef", "boeuf", "la7me", "lahme", "lahm", "la7m", "viande", "meat", "لحمه", "لحم"),
            List.of("fries", "frites", "fry", "batata", "patata", "chips", "بطاطا", "بطاطس"),
            List.of("bread", "pain", "5ebez", "khebez", "khobz", "خبز"),
            List.of("rice", "riz", "roz", "rez", "رز", "ارز"),
            List.of("salad", "salade", "salata", "سلطه"),
            List.of("sandwich", "sandwish", "sandweech", "sandwiche", "sandwichet", "sendwish", "سندويش", "سندويشه",
                    "ساندويش"),
            List.of("water", "eau", "mayy", "مي", "ميه", "ماء", "مياه"),
            List.of("coke", "coca", "cola", "cocacola", "كولا", "كوكا"),
            List.of("lemonade", "limonade", "limonada", "lemonada", "ليموناضه", "ليموناده"),
            List.of("juice", "jus", "3asir", "aseer", "3aseer", "asir", "عصير"),
            List.of("orange", "laymoun", "برتقال"),
            List.of("coffee", "cafe", "ahwe", "2ahwe", "ahweh", "قهوه"),
            List.of("tea", "shay", "chai", "شاي"),
            List.of("beer", "biere", "bira", "بيره"),
            List.of("wine", "vin", "نبيذ"),
            List.of("mint", "menthe", "na3na3", "naana", "نعنع"),
            List.of("onion", "oignon", "basal", "بصل"),
            List.of("tomato", "tomate", "banadoura", "banadora", "بندوره", "طماطم"),
            List.of("pizza", "pizzas", "بيتزا"),
            List.of("burger", "hamburger", "burgr", "برغر", "برجر", "همبرغر"),
            List.of("cheese", "fromage", "jebne", "jibne", "jebneh", "جبنه", "جبن"),
            List.of("garlic", "ail", "toum", "توم", "ثوم"),
            List.of("spicy", "piquant", "epice", "7ar", "harr", "7arr", "har", "حار", "حر"),
            List.of("large", "big", "grand", "grande", "kbir", "kbire", "kbeer", "xl", "كبير", "كبيره"),
            List.of("small", "petit", "petite", "zghir", "zghire", "zgheer", "صغير", "صغيره"),
            List.of("medium", "moyen", "moyenne", "wasat", "وسط"),
            List.of("extra", "supplement", "ziyede", "zyede", "زياده", "اكسترا"),
            List.of("sauce", "صوص", "صلصه"),
            List.of("mayo", "mayonnaise", "mayonez", "مايونيز", "مايونيز"),
            List.of("egg", "oeuf", "bayd", "beid", "بيض"),
            List.of("fish", "poisson", "samak", "سمك"),
            List.of("grilled", "grille", "mechoui", "meshwi", "mashwi", "مشوي"),
            List.of("mixed", "mix", "mixte", "meshkal", "mshakkal", "مشكل"),
            List.of("vegetarian", "vegetarien", "veggie", "nabati", "نباتي"),
            List.of("dessert", "desserts", "حلو", "حلويات"),
            List.of("plate", "assiette", "sa7en", "sahen", "صحن"),
            List.of("wrap", "roll", "عروس", "3arous", "arous"));

    static {
        for (List<String> group : SAME) {
            String canonical = group.get(0);
            for (String word : group) {
                CANONICAL.put(GuestText.foldPhrase(word), canonical);
            }
        }
    }

    /** Words of dish names that say nothing on their own. */
    static final java.util.Set<String> FILLER = java.util.Set.copyOf(java.util.List.of("with", "and", "of", "the", "a", "an", "de", "du", "des",
            "la", "le", "les", "au", "aux", "a", "et", "w", "el", "al", "l", "bi", "b", "ma3", "m3", "avec", "مع", "و", "on",
            "in", "our", "house", "style", "special", "classic", "x", "portion", "portions", "piece", "pieces", "pcs",
            "order", "orders", "plate", "cup", "glass", "bottle", "can", "verre", "bouteille", "kés", "kes", "ne2ni2"));

    /** Negations that turn a following ingredient into a note ("no onions") rather than an option. */
    static final java.util.Set<String> NEGATIONS = java.util.Set.copyOf(java.util.List.of("no", "without", "sans", "bala", "bidun", "bidoun",
            "bdun", "bdoun", "bdoon", "minghayr", "بدون", "بلا", "دون", "pas", "hold", "not", "ma"));

    /** The canonical form of one folded word. */
    static String canonical(String folded) {
        String word = folded;
        String direct = CANONICAL.get(word);
        if (direct != null) {
            return direct;
        }
        if (!word.isEmpty() && GuestText.isArabicLetter(word.charAt(0))) {
            for (String prefix : List.of("وال", "بال", "فال", "لل", "ال", "و", "ب")) {
                if (word.startsWith(prefix) && word.length() - prefix.length() >= 3) {
                    String rest = word.substring(prefix.length());
                    String known = CANONICAL.get(rest);
                    if (known != null || prefix.length() >= 2) {
                        return known != null ? known : rest;
                    }
                }
            }
            return word;
        }
        String singular = singular(word);
        return CANONICAL.getOrDefault(singular, singular);
    }

    private static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("oes") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("eaux")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
