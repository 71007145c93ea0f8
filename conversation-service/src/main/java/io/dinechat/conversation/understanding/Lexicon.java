package io.dinechat.conversation.understanding;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the four languages the offline engine knows, as guests actually type them (Lebanese
 * Arabizi spellings vary a lot: "badde", "baddi", "bade", "bde"). Arabic is written here as people
 * write it and folded on load.
 */
final class Lexicon {

    private Lexicon() {
    }

    // ---- language markers: strong ones (2 points) belong to one language, weak ones (1 point) are shared or short.

    static final Cues ENGLISH_STRONG = new Cues("the", "want", "would", "like", "please", "pls", "plz", "tomorrow",
            "tonight", "today", "thanks", "thank", "hello", "hey", "what", "where", "when", "how", "much", "people",
            "persons", "book", "booking", "reservation", "table for", "my", "name", "is", "are", "we", "you", "your",
            "have", "can", "could", "order", "delivery", "deliver", "takeaway", "pickup", "open", "close", "closed",
            "menu", "price", "cancel", "change", "yes", "yeah", "yep", "nope", "morning", "evening", "friday",
            "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "next", "and", "with", "without",
            "of", "at", "to", "do", "does", "any", "available", "hours", "thx", "guys", "human", "someone", "need",
            "get", "some", "good", "great", "perfect", "sure", "okay", "pm", "am", "i", "i'm", "im", "it", "tmrw",
            "cheers", "sorry", "instead", "also", "us", "our");
    static final Cues ENGLISH_WEAK = new Cues("for", "ok", "hi", "no", "table", "a", "in", "on", "me", "one", "two",
            "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    static final Cues FRENCH_STRONG = new Cues("je", "j", "bonjour", "bonsoir", "salut", "coucou", "pour", "personnes",
            "demain", "aujourd", "soir", "voudrais", "veux", "voulais", "une", "des", "avec", "sans", "est", "c", "ce",
            "quelle", "quel", "heure", "heures", "svp", "stp", "plait", "vous", "nous", "reserver",
            "reservation", "commande", "commander", "livraison", "emporter", "oui", "ouais", "non", "d'accord",
            "accord", "merci beaucoup", "annuler", "modifier", "changer", "m'appelle", "appelle", "mon", "ma",
            "mes", "nom", "etes", "ouvert", "ouverts", "ferme", "fermes", "horaires", "combien", "prix", "carte",
            "vendredi", "samedi", "dimanche", "lundi", "mardi", "mercredi", "jeudi", "prochain", "et", "du", "au",
            "aux", "le", "les", "il", "y", "qu", "que", "quoi", "pouvez", "peux", "parfait", "bien",
            "deux", "trois", "quatre", "cinq", "huit", "midi", "minuit", "dispo", "disponible", "place",
            "quelqu'un", "quelqu", "un", "moi", "sur", "chez", "adresse", "rue", "apres", "voila", "qui", "ca", "pas",
            "vos", "votre", "aimerais", "serons", "sommes", "sera", "couverts", "pers", "emporter", "livrer");
    static final Cues FRENCH_WEAK = new Cues("merci", "table", "la", "menu", "ok", "vin", "on", "d", "l", "dessert");

    static final Cues ARABIZI_STRONG = new Cues("badde", "baddi", "bade", "badi", "bde", "bdi", "badna", "baddna",
            "bukra", "bukrah", "bokra", "bokrah", "bkra", "bukara", "shu", "shou", "chou", "kifak", "kifik", "kifkon",
            "kifkoun", "keefak", "mar7aba", "marhaba", "mar7ba", "yalla", "hala", "ahla", "ahlan", "habibi",
            "7abibi", "ana", "ente", "enta", "inte", "inta", "enti", "adesh", "addesh", "2adesh", "adde", "ade",
            "2adde", "2addesh", "adeh", "qaddesh", "fi", "fee", "mafi", "ma fi", "shi", "chi", "lyom", "elyom",
            "lyawm", "lel", "lele", "layle", "lela", "masa", "msa", "sob7", "tayeb", "tayyeb", "mni7", "mnih",
            "ktir", "kteer", "shukran", "shokran", "chokran", "esmi", "ismi", "esme", "3am", "aam", "wa7ad",
            "wahad", "tnen", "tlete", "arb3a", "5amse", "khamse", "sette", "sab3a", "tmene", "tes3a", "3ashra", "ba3d",
            "ba3ed", "sa3a", "se3a", "jem3a", "jom3a", "jum3a", "sabt", "a7ad", "lesh", "wen", "ween", "hon",
            "mumkin", "mmkn", "momken", "fina", "fiyi", "ne7na", "nehna", "na7na", "tawle", "tawleh", "7jez", "e7joz",
            "ehjoz", "7ajez", "hajez", "7ajz", "la2", "akid", "akeed", "aywa", "ee", "eh", "eyh", "tamem", "tamam",
            "mashi", "ma3", "3a", "3al", "3ala", "ashkhas", "ash5as", "shakhes", "nfous", "sefre", "safari",
            "delivery", "wasslo", "waslo", "twasslo", "twaslo", "btwasslo", "talabiye", "talab", "otlob", "atleb",
            "w", "kamen", "kaman", "bas", "hayda", "hayde", "hek", "heik", "ya", "mersi", "teslam", "ysalmo",
            "yislamo", "ma", "mesh", "msh", "mish", "7ada", "hada", "7dan", "3andkon", "3andkoun", "3endkon",
            "3andak", "lal", "bel", "bl", "el", "l", "tnein", "etnen", "khamis", "5amis", "ghayyer", "ghayer",
            "8ayyer", "elghi", "lghi", "alghi", "elghe", "sakker", "btsakro", "fet7in", "fete7", "msakrin",
            "btefta7o", "dawem", "bi", "b", "yom", "nhar", "halla2", "hala2", "halla", "ba3dain", "ba3den",
            "abel", "2abel", "noss", "nos", "rebe3", "rob3");
    static final Cues ARABIZI_WEAK = new Cues("la", "merci", "ok", "sah", "sa7", "eza", "iza");

    // ---- intents

    static final Cues HUMAN = new Cues("human", "a person", "real person", "someone", "somebody", "agent", "staff",
            "manager", "waiter", "operator", "talk to", "speak to", "speak with", "talk with", "call me", "a human",
            "humain", "quelqu'un", "quelqu un", "une personne", "un responsable", "responsable", "gerant",
            "parler a", "parler avec", "appelez moi", "un serveur", "7ada", "hada", "insan", "moudir", "mudir",
            "el modir", "e7ke ma3", "ehke ma3", "7ke ma3", "hke ma3", "ehki ma3", "e7ki ma3", "7ake", "7aki",
            "moudir el mat3am", "حدا", "انسان", "موظف", "المدير", "مدير", "احكي مع", "حكي مع", "التحدث مع", "شخص حقيقي",
            "اتصلو", "اتصل في", "حدن");
    static final Cues CANCEL = new Cues("cancel*", "annul*", "elghi", "lghi", "alghi", "elghe", "elghih", "elgheha",
            "lgheha", "ilghi", "lagha", "ulghi", "ghayyer w elghi", "الغي", "الغاء", "الغا", "لغي", "يلغي", "بلغي",
            "ما بقى بدي الحجز", "ma ba2a badde l 7ajez", "call off");
    static final Cues MODIFY = new Cues("change", "changing", "modify", "modif*", "move", "reschedule", "postpone",
            "push back", "push it", "bring forward", "make it", "instead", "update my", "changer", "change", "decaler",
            "reporter", "deplacer", "plutot", "ghayyer", "ghayer", "8ayyer", "8ayer", "ghayyir", "ghaiir",
            "ghayro", "ghayyro", "t8ayyer", "t8ayer", "tghayyer", "tghayer", "nghayyer", "bghayyer", "b8ayyer", "ne2el", "n2el", "2ajjel", "ajjel", "a5er", "akher", "bedal", "badal", "غير",
            "غيير", "تغيير", "تعديل", "عدل", "اعدل", "اجل", "تاجيل", "بدل", "انقل", "نقل الحجز");
    static final Cues BOOKING_WORDS = new Cues("booking", "reservation", "table", "resa", "my book", "7ajez",
            "7ajz", "hajez", "7jez", "حجز", "الحجز", "حجزي", "طاوله", "tawle", "tawleh", "tawlet");
    static final Cues BOOK = new Cues("book", "booking", "reserve", "reserv*", "table for", "a table", "une table",
            "table pour", "table de", "resa", "reza", "7jez", "e7joz", "ehjoz", "7ajez", "hajez", "7ajz", "ehjez",
            "e7jez", "7ejez", "hjez", "nehjoz", "ne7joz", "tawle", "tawleh", "tawlet", "احجز", "حجز", "نحجز", "طاوله",
            "حاجز", "بحجز", "get a table", "book a table");
    static final Cues AVAILABILITY = new Cues("available", "availability", "any table", "any tables",
            "free table", "free tables", "room for", "space for", "do you have a table", "do you have table",
            "do you have space", "is there a table", "is there space", "got a table", "dispo", "disponible",
            "disponibilite", "de la place", "une place", "reste de la place", "il reste", "vous avez une table",
            "avez vous une table", "fi mahal", "fi ma7al", "fi tawle", "fi tawleh", "fi mata7", "fi mahall",
            "mawjoud", "fadi", "fade", "في محل", "في طاوله", "متاح", "متوفر", "فاضي", "في مكان", "فيه مكان");
    static final Cues ORDER_STATUS = new Cues("where is my order", "where s my order", "wheres my order",
            "order status", "status of my order", "my order status", "still waiting", "how long", "is my order",
            "track", "ou est ma commande", "ma commande", "suivi", "toujours rien", "ca arrive", "wen el order",
            "wen l order", "wen el talab", "wen l talab", "wen talabi", "wein el order", "ween el order",
            "wen l talabiye", "wen el talabiye", "ween talabi", "ta2akhar", "ta2akharet", "t2akhar", "t2akharto",
            "wasal", "ma wesil", "ma wasal", "وين الطلب", "وين طلبي", "طلبي", "تاخر", "تاخرت", "ما وصل", "وين الاوردر");
    static final Cues ORDER = new Cues("order", "ordering", "commande*", "commander", "otlob", "atleb", "etlob",
            "talab", "talabiye", "talabiyye", "ba3atle", "b3atle", "ba3atli", "اطلب", "طلب", "طلبيه", "اوردر",
            "ابعتلي", "ابعتولي", "جيبلي");
    static final Cues WANT = new Cues("i want", "i d like", "i would like", "id like", "can i get", "can i have",
            "could i get", "could i have", "i ll have", "ill have", "i ll take", "give me", "send me", "get me", "we want",
            "we d like", "je voudrais", "je veux", "j aimerais", "je prends", "je prendrai", "pour moi", "on voudrait",
            "nous voudrions", "badde", "baddi", "bade", "bde", "bdi", "badna", "baddna", "jeble", "jible", "3tine",
            "a3tine", "بدي", "بدنا", "اريد", "نريد", "عطيني", "اعطني", "ممكن");
    static final Cues PRICE = new Cues("price", "prices", "pricing", "how much", "cost", "costs", "prix",
            "combien", "tarif*", "ca coute", "coute", "2adesh", "adesh", "addesh", "2addesh", "adde", "2adde",
            "adeh", "b2adesh", "badesh", "b adesh", "qaddesh", "adaish", "se3ro", "si3ro", "as3ar", "kam",
            "بقديش", "قديش", "قدي", "كم سعر", "السعر", "سعر", "بكم", "اسعار", "الاسعار", "حقه", "حق");
    static final Cues HOURS = new Cues("hours", "opening", "open", "opens", "close", "closes", "closing",
            "what time do you", "until when", "till when", "horaire*", "ouvert*", "ferme", "fermez", "fermes",
            "ouvrez", "fermeture", "ouverture", "a quelle heure vous", "fete7in", "fet7in", "fat7in", "msakrin",
            "msaker", "btefta7o", "btefte7o", "bteftaho", "btsakro", "btsakkro", "sakro", "sakrin", "dawem",
            "dawam", "ma3 ay sa3a", "la ay sa3a", "la emta", "la aymta", "emta btefta7o", "ساعات", "دوام", "الدوام",
            "مفتوح", "مفتوحين", "فاتحين", "فاتح", "بتفتحو", "بتفتحوا", "بتسكرو", "تسكرو", "مسكر", "مسكرين", "لايمتا",
            "لامتى", "متى تفتح", "متى تغلق", "تفتحون", "تغلقون");
    static final Cues POLICIES = new Cues("policy", "policies", "refund*", "deposit", "parking", "park", "pets",
            "pet", "dog", "dogs", "smoking", "smoke", "dress code", "kids", "children", "wheelchair", "delivery fee",
            "delivery charge", "minimum order", "do you deliver", "you deliver", "deliver to", "halal",
            "cancellation", "politique", "rembours*", "acompte", "chien*", "fumeur*", "enfants", "frais de livraison",
            "vous livrez", "livrez vous", "livrez", "btwasslo", "btwaslo", "btwassel", "btwasslu", "twassil",
            "tawsil", "parkin", "valet", "arghile", "argileh", "narguile", "shisha", "sisha", "chicha", "اراكيل",
            "اركيله", "نرجيله", "شيشه", "بتوصلو", "بتوصلوا", "توصلو", "سياسه", "استرجاع", "استرداد", "موقف", "صف",
            "اطفال", "ولاد", "كلاب", "تدخين", "تامين", "عربون", "حلال");
    static final Cues MENU = new Cues("menu", "menus", "carte", "dishes", "dish", "what do you have", "what do you serve",
            "what s good", "whats good", "vegetarian", "vegan", "gluten", "allerg*", "lactose", "nuts", "spicy",
            "ingredients", "recommend", "specials", "speciality", "specialty", "plat", "plats", "qu est ce que vous avez",
            "vous avez quoi", "vegetarien", "vegetalien", "sans gluten", "shu 3andkon", "chou 3andkon",
            "shu 3endkon", "shou 3andkon", "shu fi", "chou fi", "shu fi akel", "akl", "akel", "aklet", "menyu",
            "el menu", "nabati", "منيو", "المنيو", "قائمه", "القائمه", "اكل", "اكلات", "شو عندكن", "شو عندكم", "شو في",
            "نباتي", "اطباق", "مكونات", "فيه");
    static final Cues GREETING = new Cues("hi", "hii", "hiii", "hello", "hey", "heyy", "hola", "good morning",
            "good evening", "good afternoon", "yo", "bonjour", "bonsoir", "salut", "coucou", "slt", "bjr", "bsr",
            "mar7aba", "marhaba", "mar7ba", "marhaban", "hala", "halla", "ahla", "ahlan", "ahlein", "kifak", "kifik",
            "kifkon", "keefak", "salam", "salamo", "sabah el kheir", "saba7 el 5er", "saba7o", "sabaho", "masa el kheir",
            "masa el 5er", "hi there", "مرحبا", "مرحبتين", "السلام عليكم", "سلام", "اهلا", "اهلين", "كيفك", "كيفكن",
            "صباح الخير", "مساء الخير", "هلا", "هاي", "بونجور");
    static final Cues THANKS = new Cues("thanks", "thank you", "thank u", "thx", "thnx", "ty", "tysm", "cheers",
            "appreciate", "merci", "mersi", "mercii", "remercie", "shukran", "shokran", "chokran", "shoukran",
            "teslam", "teslamo", "ysalmo", "yislamo", "yeslamo", "tislam", "merci ktir", "شكرا", "شكراً", "تسلم",
            "تسلمي", "يسلمو", "يسلموا", "مشكور", "مشكورين", "ميرسي", "يعطيك العافيه", "🙏");
    static final Cues NO_PROBLEM = new Cues("no problem", "no worries", "no prob", "pas de souci", "pas de probleme",
            "pas de soucis", "ma fi meshkle", "mafi meshkle", "ma fi mechkle", "mish meshkle", "ما في مشكله", "مش مشكله");
    static final Cues CONFIRM = new Cues("yes", "yess", "yes please", "yeah", "yea", "yep", "yup", "ok",
            "okay", "okey", "k", "kk", "sure", "confirm", "confirmed", "perfect", "great", "sounds good", "go ahead",
            "correct", "exactly", "right", "that s right", "deal", "done", "absolutely", "of course", "alright",
            "fine", "oui", "ouais", "ouaip", "d accord", "dac", "dacc", "parfait", "c est bon", "c est parfait",
            "confirme", "confirmer", "je confirme", "exact", "exactement", "bien sur", "tres bien", "volontiers",
            "eh", "ee", "eeh", "eyh", "ey", "aywa", "aiwa", "akid", "akeed", "tamem", "tamam", "tmm", "mashi",
            "mashe", "sah", "sa7", "yalla", "ma3lesh", "mnih", "mni7", "tayeb", "tayyeb", "nashalla", "ايه", "اي",
            "نعم", "اكيد", "تمام", "موافق", "اوكي", "اوكيه", "ماشي", "يلا", "يالله", "صح", "مظبوط", "بالتاكيد",
            "تاكيد", "اكد", "منيح", "طيب", "👍", "👌", "✅");
    static final Cues DENY = new Cues("no", "nope", "nah", "no thanks", "no thank you", "not really", "not now",
            "never mind", "nevermind", "wrong", "non", "non merci", "pas du tout", "pas maintenant", "laisse tomber",
            "la2", "la2a", "la ma badde", "mesh hek", "msh hek", "mish hek", "ma badde", "ma baddi", "khalas", "5alas",
            "لا", "لأ", "كلا", "مش هيك", "ما بدي", "خلص", "غلط", "❌", "👎");

    // ---- fulfilment

    static final Cues TAKEAWAY = new Cues("takeaway", "take away", "take out", "takeout", "to go", "pick up",
            "pickup", "pick it up", "collect", "collection", "emporter", "a emporter", "je passe chercher",
            "passer chercher", "venir chercher", "je viens chercher", "click and collect", "sefre", "safari", "safre",
            "take away", "tik away", "b2ija", "bmorr", "bmor", "bemro2", "bmarre2", "bmar2a", "ba3ber", "ba3bar",
            "bje5edon", "bjibon", "سفري", "تيك اواي", "تيك اوي", "استلام", "بمر", "بمرق", "باخدو", "باخدن", "بستلم");
    static final Cues DELIVERY = new Cues("delivery", "deliver", "delivered", "deliver it", "bring it", "livraison",
            "livrer", "livre", "livree", "livrez", "a domicile", "delivary", "delevery", "dilivery", "wasslo",
            "waslo", "wasselo", "wasslouli", "wasluli", "twasslo", "twaslo", "btwasslo", "tawsil", "tawseel",
            "wassel", "wasel", "3al bet", "3al beit", "lal bet", "la 3andi", "توصيل", "دليفري", "ديليفري", "وصلو",
            "وصلولي", "توصلو", "بتوصلو", "عالبيت", "للبيت", "لعندي");
    static final Cues ON_SITE = new Cues("dine in", "dine-in", "eat in", "eat there", "on site", "onsite", "at the restaurant",
            "sur place", "manger sur place", "au restaurant", "bel mat3am", "bl mat3am", "3al tawle", "bel ma7al",
            "bl ma7al", "bekol hon", "bekul hon", "bekoul hon", "nekol hon", "nekul hon", "mnekol hon", "mnekul hon",
            "bnekol hon", "menekol hon", "nekol 3andkon", "mnekol 3andkon", "bekol 3andkon", "mnekol bel mat3am",
            "manger ici", "on mange sur place", "eat here", "for here",
            "منكل عندكن", "بالمطعم", "بالمحل", "عالطاوله", "باكل هون", "ناكل هون", "منوكل هون", "منكل هون", "بناكل هون");

    // ---- numbers, days, months

    static final Map<String, Integer> NUMBERS = new HashMap<>();
    static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    /** Arabizi/Arabic weekday names that are also numbers ("tlete" is three and Tuesday): only after "el", "yom"… */
    static final Map<String, DayOfWeek> WEEKDAYS_AFTER_ARTICLE = new HashMap<>();
    static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        numbers(1, "one", "a", "an", "un", "une", "wa7ad", "wahad", "wa7de", "wahde", "wehde", "we7de", "واحد", "واحده");
        numbers(2, "two", "deux", "tnen", "tnein", "tnain", "itnen", "etnen", "tneen", "ثنين", "اثنين", "اتنين", "اثنان", "تنين",
                "شخصين", "couple");
        numbers(3, "three", "trois", "tlete", "tleteh", "tleti", "tlate", "talata", "ثلاث", "ثلاثه", "تلاته", "تلات");
        numbers(4, "four", "quatre", "arb3a", "arba3a", "arb3ah", "arbaa", "arba3", "arb3", "اربعه", "اربع");
        numbers(5, "five", "cinq", "5amse", "khamse", "khamseh", "5amseh", "5amsa", "khamsa", "خمسه", "خمس");
        numbers(6, "six", "sette", "setteh", "sitte", "sitteh", "sitta", "سته", "ست");
        numbers(7, "seven", "sept", "sab3a", "saba3a", "sab3ah", "sabaa", "سبعه", "سبع");
        numbers(8, "eight", "huit", "tmene", "tmeneh", "tmenye", "tamanye", "tamanya", "ثمانيه", "تمانيه", "ثمان", "تمان",
                "ثماني", "تماني");
        numbers(9, "nine", "neuf", "tes3a", "tis3a", "tes3ah", "tisaa", "تسعه", "تسع");
        numbers(10, "ten", "dix", "3ashra", "3ashara", "ashra", "3achra", "عشره", "عشر");
        numbers(11, "eleven", "onze", "7da3sh", "hda3sh", "7di3sh", "احدعش", "احدى عشر");
        numbers(12, "twelve", "douze", "tna3sh", "tnaash", "tna3esh", "اطنعش", "اثنا عشر");
        numbers(13, "thirteen", "treize");
        numbers(14, "fourteen", "quatorze");
        numbers(15, "fifteen", "quinze");
        numbers(16, "sixteen", "seize");
        numbers(20, "twenty", "vingt", "3eshrin", "عشرين");

        weekdays(DayOfWeek.MONDAY, "monday", "mon", "lundi", "الاثنين", "الاتنين", "اثنين", "etnein", "itnein", "tanein");
        weekdays(DayOfWeek.TUESDAY, "tuesday", "tue", "tues", "mardi", "الثلاثاء", "الثلاثا", "التلاتا", "ثلاثاء");
        weekdays(DayOfWeek.WEDNESDAY, "wednesday", "wed", "mercredi", "الاربعاء", "الاربعا", "اربعاء", "arb3a2", "arba3a2");
        weekdays(DayOfWeek.THURSDAY, "thursday", "thu", "thur", "thurs", "jeudi", "الخميس", "خميس", "khamis", "5amis",
                "5ames", "khamees");
        weekdays(DayOfWeek.FRIDAY, "friday", "fri", "vendredi", "الجمعه", "جمعه", "jem3a", "jum3a", "jom3a", "jm3a",
                "jemaa", "jumaa", "juma", "jouma3", "jouma");
        weekdays(DayOfWeek.SATURDAY, "saturday", "sat", "samedi", "السبت", "سبت", "sabt", "sab't");
        weekdays(DayOfWeek.SUNDAY, "sunday", "sun", "dimanche", "الاحد", "احد", "a7ad", "ahad", "a7ed");
        WEEKDAYS_AFTER_ARTICLE.put("tanen", DayOfWeek.MONDAY);
        WEEKDAYS_AFTER_ARTICLE.put("tnen", DayOfWeek.MONDAY);
        WEEKDAYS_AFTER_ARTICLE.put("etnen", DayOfWeek.MONDAY);
        WEEKDAYS_AFTER_ARTICLE.put("talata", DayOfWeek.TUESDAY);
        WEEKDAYS_AFTER_ARTICLE.put("tlete", DayOfWeek.TUESDAY);
        WEEKDAYS_AFTER_ARTICLE.put("tleta", DayOfWeek.TUESDAY);
        WEEKDAYS_AFTER_ARTICLE.put("arb3a", DayOfWeek.WEDNESDAY);
        WEEKDAYS_AFTER_ARTICLE.put("arba3a", DayOfWeek.WEDNESDAY);
        WEEKDAYS_AFTER_ARTICLE.put("arbi3a", DayOfWeek.WEDNESDAY);

        months(1, "january", "jan", "janvier", "janv", "كانون الثاني", "يناير");
        months(2, "february", "feb", "fevrier", "fev", "شباط", "فبراير");
        months(3, "march", "mar", "mars", "اذار", "مارس");
        months(4, "april", "apr", "avril", "avr", "نيسان", "ابريل");
        months(5, "may", "mai", "ايار", "مايو");
        months(6, "june", "jun", "juin", "حزيران", "يونيو");
        months(7, "july", "jul", "juillet", "juil", "تموز", "يوليو");
        months(8, "august", "aug", "aout", "اب", "اغسطس");
        months(9, "september", "sep", "sept", "septembre", "ايلول", "سبتمبر");
        months(10, "october", "oct", "octobre", "تشرين الاول", "اكتوبر");
        months(11, "november", "nov", "novembre", "تشرين الثاني", "نوفمبر");
        months(12, "december", "dec", "decembre", "كانون الاول", "ديسمبر");
    }

    private static void numbers(int value, String... words) {
        for (String w : words) {
            NUMBERS.put(GuestText.foldPhrase(w), value);
        }
    }

    private static void weekdays(DayOfWeek day, String... words) {
        for (String w : words) {
            WEEKDAYS.put(GuestText.foldPhrase(w), day);
        }
    }

    private static void months(int month, String... words) {
        for (String w : words) {
            MONTHS.put(GuestText.foldPhrase(w), month);
            MONTHS.put(GuestText.foldPhrase(w).replace(" ", ""), month);
        }
    }

    /** The month number of a matched month name (any spacing), or -1. */
    static int month(String matched) {
        return MONTHS.getOrDefault(matched.strip().replaceAll("\\s+", ""), -1);
    }

    /** Words the guest is likely to mean when a long word is one typo away from one of them. */
    private static final Map<Character, List<String>> VOCABULARY = new HashMap<>();
    private static final Set<String> VOCABULARY_SET = new HashSet<>();

    static {
        List<Cues> all = List.of(ENGLISH_STRONG, FRENCH_STRONG, ARABIZI_STRONG, HUMAN, CANCEL, MODIFY, BOOK,
                AVAILABILITY, ORDER_STATUS, ORDER, PRICE, HOURS, POLICIES, MENU, GREETING, THANKS, CONFIRM, DENY,
                TAKEAWAY, DELIVERY, ON_SITE, BOOKING_WORDS);
        Set<String> words = new HashSet<>();
        for (Cues cues : all) {
            words.addAll(cues.latinWords());
        }
        words.addAll(List.of("tomorrow", "reservation", "reserve", "restaurant", "people", "persons", "please",
                "tonight", "evening", "morning", "afternoon", "tomorow", "personnes", "demain", "reserver", "table",
                "bukra", "available", "cancel", "booking", "thanks", "address", "adresse", "street", "building",
                "quarter", "minutes", "midnight", "minuit", "order", "delivery", "takeaway", "commande", "livraison",
                // ordinary words that must not be "corrected" into a cue one letter away
                "chance", "chaque", "these", "those", "there", "where", "which", "while", "about", "after", "again",
                "being", "before", "could", "every", "first", "great", "maybe", "might", "never", "other", "place",
                "right", "still", "their", "thing", "think", "three", "today", "under", "until", "waiting", "while",
                "world", "would", "years", "hours", "cheese", "sauce", "chose", "change", "merci", "salut", "quand",
                "comme", "encore", "autre", "alors", "faire", "votre", "notre", "table", "tables", "shall", "party",
                "price", "prices", "start", "dinner", "lunch", "breakfast", "brunch", "guests", "birthday", "thank"));
        words.addAll(NUMBERS.keySet());
        words.addAll(WEEKDAYS.keySet());
        words.addAll(MONTHS.keySet());
        words.removeIf(w -> w.length() < 5 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z'));
        VOCABULARY_SET.addAll(words);
        for (String w : words) {
            VOCABULARY.computeIfAbsent(w.charAt(0), k -> new java.util.ArrayList<>()).add(w);
        }
    }

    static boolean isVocabulary(String word) {
        return VOCABULARY_SET.contains(word);
    }

    /** The single known word one edit (or one swap) away, or null when none or several are. */
    static String correction(String word) {
        List<String> candidates = VOCABULARY.get(word.charAt(0));
        if (candidates == null) {
            return null;
        }
        String found = null;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - word.length()) <= 1 && Fuzzy.distance(word, candidate, 1) <= 1) {
                if (found != null && !found.equals(candidate)) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }
}
