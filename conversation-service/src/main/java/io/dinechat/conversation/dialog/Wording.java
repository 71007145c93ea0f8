package io.dinechat.conversation.dialog;

import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.Button;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Row;
import io.dinechat.conversation.domain.OutboundContent.Section;
import io.dinechat.conversation.domain.OutboundContent.Text;
import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Words the dialog's decisions in the guest's language, as WhatsApp text, reply buttons or a list.
 * Facts (names, prices, hours, references, totals) are copied from the catalog or another service's
 * answer, never composed.
 */
public final class Wording {

    private static final int MENU_LINES = 8;

    private Wording() {
    }

    public static OutboundContent render(Say say, Language language, CatalogFacts catalog, LocalDate today) {
        Language l = language == null ? catalog.defaultLanguage() : language;
        return switch (say) {
            case Say.Ask a -> ask(a, l);
            case Say.ChooseBranch c -> new ListMenu(pick(l, "Which branch would you like?", "Quelle adresse souhaitez-vous ?",
                    "أي فرع تفضّل؟", "Ayya far3 baddak?"), pick(l, "Branches", "Adresses", "الفروع", "Far3"),
                    List.of(new Section(null, c.branches().stream().limit(10)
                            .map(b -> new Row("branch:" + b.id(), cut(b.name(), 24), cut(place(b), 72))).toList())));
            case Say.ChooseOption o -> chooseOption(o, l, catalog.currency());
            case Say.Alternatives a -> new ReplyButtons(pick(l,
                    "That time is not available. The nearest free times are:",
                    "Cet horaire n'est pas disponible. Les horaires libres les plus proches :",
                    "هذا الوقت غير متاح. أقرب الأوقات المتاحة:", "Hal wa2et mish available. Aqrab aw2at fadyin:"),
                    a.times().stream().map(t -> new Button("alt:" + t, cut(when(t, l), 20))).toList());
            case Say.NoAvailability n -> new Text(pick(l, "Sorry, there is no table left on %s.",
                    "Désolé, il n'y a plus de table le %s.", "عذراً، لا توجد طاولات متاحة في %s.",
                    "Sorry, ma fi tawle fadye bi %s.").formatted(n.date() == null ? "" : day(n.date(), l)));
            case Say.BookingSummary b -> confirm(l, pick(l, "Please confirm your booking:\n%s, %d people, name: %s",
                    "Merci de confirmer votre réservation :\n%s, %d personnes, au nom de %s",
                    "يرجى تأكيد الحجز:\n%s، %d أشخاص، باسم %s",
                    "Please 2akked el 7ajez:\n%s, %d ashkhas, 3ala esm %s")
                    .formatted(when(b.startsAt(), l), b.partySize(), b.name()));
            case Say.Booked b -> new Text(pick(l, b.pending()
                            ? "Your request %s for %s (%d people) is noted; the restaurant will confirm it shortly."
                            : "Booked! Reference %s: %s, %d people. See you then!",
                    b.pending() ? "Votre demande %s pour %s (%d personnes) est notée ; le restaurant la confirmera."
                            : "C'est réservé ! Référence %s : %s, %d personnes. À bientôt !",
                    b.pending() ? "تم تسجيل طلبك %s ليوم %s (%d أشخاص)؛ سيؤكده المطعم قريباً."
                            : "تم الحجز! الرقم المرجعي %s: %s، %d أشخاص. بانتظاركم!",
                    b.pending() ? "Talabak %s la %s (%d ashkhas) m2ayyad; el mat3am bi akkdo ba3d shway."
                            : "Tamam el 7ajez! Reference %s: %s, %d ashkhas. Mnshoufak!")
                    .formatted(b.reference(), when(b.startsAt(), l), b.partySize()));
            case Say.ModifySummary m -> confirm(l, pick(l, "Change booking %s to: %s?", "Modifier la réservation %s : %s ?",
                    "تعديل الحجز %s إلى: %s؟", "Ghayyer el 7ajez %s la: %s?")
                    .formatted(m.reference(), change(m.startsAt(), m.partySize(), l)));
            case Say.Modified m -> new Text(pick(l, "Done: booking %s is now %s, %d people.",
                    "C'est fait : la réservation %s est maintenant le %s, %d personnes.",
                    "تم: الحجز %s أصبح %s، %d أشخاص.", "Tamam: el 7ajez %s sar %s, %d ashkhas.")
                    .formatted(m.reference(), when(m.startsAt(), l), m.partySize()));
            case Say.CancelSummary c -> confirm(l, pick(l, "Cancel booking %s?", "Annuler la réservation %s ?",
                    "إلغاء الحجز %s؟", "Bitlghi el 7ajez %s?").formatted(c.reference()));
            case Say.Cancelled c -> new Text(pick(l, "Booking %s is cancelled.", "La réservation %s est annulée.",
                    "تم إلغاء الحجز %s.", "El 7ajez %s tlagha.").formatted(c.reference()));
            case Say.ChooseBooking c -> new ListMenu(pick(l, "Which booking?", "Quelle réservation ?", "أي حجز؟",
                    "Ayya 7ajez?"), pick(l, "Bookings", "Réservations", "الحجوزات", "7ajzet"),
                    List.of(new Section(null, c.bookings().stream().limit(10).map(b -> new Row("booking:" + b.reference(),
                            cut(b.reference(), 24), cut(when(b.startsAt(), l) + ", " + b.partySize(), 72))).toList())));
            case Say.Refused r -> new Text(refused(r.code(), l));
            case Say.OrderSummary o -> confirm(l, pick(l, "Your order:", "Votre commande :", "طلبك:", "Talabak:") + "\n"
                    + quote(o.quote(), l) + "\n" + pick(l, "Shall I place it?", "Je la passe ?", "هل أؤكد الطلب؟",
                    "Ba3ato?"));
            case Say.OrderPlaced o -> new Text(pick(l, "Order %s placed. Total %s.", "Commande %s passée. Total %s.",
                    "تم تسجيل الطلب %s. المجموع %s.", "Talabak %s tsajjal. Total %s.")
                    .formatted(o.reference(), money(o.quote().total(), o.quote().currency()))
                    + (o.estimatedReadyAt() == null ? "" : " " + pick(l, "Ready around %s.", "Prête vers %s.",
                    "جاهز حوالي %s.", "Bi kun jehez 7awele %s.").formatted(clockOf(o.estimatedReadyAt(), catalog.timeZone()))));
            case Say.OrderProblem p -> new Text(orderProblem(p, l));
            case Say.OrderStatuses s -> new Text(s.orders().isEmpty()
                    ? pick(l, "I found no recent order from this number.", "Je ne trouve aucune commande récente de ce numéro.",
                    "لم أجد طلبات حديثة من هذا الرقم.", "Ma la2et talabet jdide men hal ra2em.")
                    : s.orders().stream().map(o -> o.reference() + ": " + o.status() + " (" + o.total() + " "
                            + o.currency() + ")").collect(Collectors.joining("\n")));
            case Say.Info i -> new Text(info(i, l, catalog, today));
            case Say.Simple s -> new Text(simple(s.kind(), l, catalog));
        };
    }

    private static OutboundContent ask(Say.Ask a, Language l) {
        return switch (a.slot()) {
            case DATE -> new Text(pick(l, "For which day?", "Pour quel jour ?", "لأي يوم؟", "La ayya yom?"));
            case TIME -> new Text(pick(l, "At what time?", "À quelle heure ?", "في أي ساعة؟", "Ayya se3a?"));
            case PARTY_SIZE -> new Text(pick(l, "For how many people?", "Pour combien de personnes ?", "لكم شخص؟",
                    "La kam shakhes?"));
            case NAME -> new Text(pick(l, "Under which name?", "À quel nom ?", "باسم من؟", "3ala ayya esm?"));
            case ITEMS -> new Text(pick(l, "What would you like to order?", "Que souhaitez-vous commander ?",
                    "ماذا تود أن تطلب؟", "Shu baddak totlob?") + (a.choices().isEmpty() ? ""
                    : " (" + String.join(", ", a.choices()) + "…)"));
            case FULFILMENT -> a.choices().isEmpty()
                    ? new Text(pick(l, "Takeaway, delivery or on site?", "À emporter, livraison ou sur place ?",
                    "استلام، توصيل أم في المطعم؟", "Takeaway, delivery aw bl mat3am?"))
                    : new ReplyButtons(pick(l, "Takeaway, delivery or on site?", "À emporter, livraison ou sur place ?",
                    "استلام، توصيل أم في المطعم؟", "Takeaway, delivery aw bl mat3am?"),
                    a.choices().stream().limit(3).map(f -> new Button("fulfil:" + f, fulfilment(f, l))).toList());
            case ADDRESS -> new Text(pick(l, "What is the delivery address?", "Quelle est l'adresse de livraison ?",
                    "ما هو عنوان التوصيل؟", "Shu el 3enwen lal delivery?"));
            case LOCATION -> new Text(pick(l,
                    "Please share your location (📎 → Location) so we can check we deliver there.",
                    "Pouvez-vous partager votre position (📎 → Position) pour vérifier que nous livrons chez vous ?",
                    "من فضلك شارك موقعك (📎 ← الموقع) لنتأكد أننا نوصل إليك.",
                    "Please b3atle el location (📎 → Location) ta nt2akkad enno mnwasel la 3endak."));
            case CHANGE -> new Text(pick(l, "What would you like to change: the day, the time or the number of people?",
                    "Que souhaitez-vous changer : le jour, l'heure ou le nombre de personnes ?",
                    "ماذا تريد أن تغيّر: اليوم، الساعة أم عدد الأشخاص؟",
                    "Shu baddak tghayyer: el yom, el se3a aw 3adad el ashkhas?"));
            case BRANCH -> new Text(pick(l, "Which branch?", "Quelle adresse ?", "أي فرع؟", "Ayya far3?"));
            case OPTION -> new Text(pick(l, "Which one would you like?", "Lequel souhaitez-vous ?", "أيّها تفضّل؟",
                    "Ayya wa7ad baddak?"));
        };
    }

    /** Option names and price differences come from the catalog; ids are {@code option:<option id>}. */
    private static OutboundContent chooseOption(Say.ChooseOption o, Language l, String currency) {
        String body = pick(l, "%s: which %s would you like?", "%s : quel choix pour « %s » ?", "%s: أي خيار من «%s»؟",
                "%s: ayya khyar men «%s»?").formatted(o.itemName(), l == Language.ENGLISH
                ? o.group().name().toLowerCase(Locale.ROOT) : o.group().name());
        List<CatalogFacts.Option> offered = o.group().options().stream().filter(CatalogFacts.Option::available).toList();
        if (offered.size() <= 3) {
            return new ReplyButtons(body, offered.stream().map(opt -> new Button("option:" + opt.id(),
                    cut(opt.name(), 20))).toList());
        }
        return new ListMenu(body, cut(o.group().name(), 20), List.of(new Section(null, offered.stream().limit(10)
                .map(opt -> new Row("option:" + opt.id(), cut(opt.name(), 24), opt.priceDelta() == null
                        || opt.priceDelta().signum() == 0 ? null : "+" + money(opt.priceDelta(), currency)))
                .toList())));
    }

    private static ReplyButtons confirm(Language l, String body) {
        return new ReplyButtons(cut(body, 1024), List.of(
                new Button("confirm", pick(l, "Confirm", "Confirmer", "تأكيد", "Akked")),
                new Button("deny", pick(l, "Cancel", "Annuler", "إلغاء", "Laa"))));
    }

    private static String refused(String code, Language l) {
        return switch (code) {
            case "NOT_OWNER" -> pick(l, "Sorry, a booking can only be changed or cancelled from the number that made it.",
                    "Désolé, une réservation ne peut être modifiée ou annulée que depuis le numéro qui l'a faite.",
                    "عذراً، لا يمكن تعديل الحجز أو إلغاؤه إلا من الرقم الذي قام به.",
                    "Sorry, ma fi ghayyer aw tlghi 7ajez ella men nafs el ra2em yalli 3amalo.");
            case "NOT_FOUND" -> pick(l, "I could not find that booking.", "Je ne trouve pas cette réservation.",
                    "لم أجد هذا الحجز.", "Ma la2et hal 7ajez.");
            case "PARTY_TOO_LARGE" -> pick(l, "Sorry, that party is too large to book online.",
                    "Désolé, ce groupe est trop grand pour réserver ici.", "عذراً، العدد كبير جداً للحجز هنا.",
                    "Sorry, el 3adad ktir kbir lal 7ajez hon.");
            case "TOO_SOON" -> pick(l, "Sorry, that is too soon to book.", "Désolé, c'est trop tôt pour réserver.",
                    "عذراً، الموعد قريب جداً للحجز.", "Sorry, ktir 2arib lal 7ajez.");
            case "TOO_FAR_AHEAD" -> pick(l, "Sorry, that is too far ahead to book.", "Désolé, c'est trop loin pour réserver.",
                    "عذراً، الموعد بعيد جداً للحجز.", "Sorry, ktir b3id lal 7ajez.");
            case "CLOSED" -> pick(l, "Sorry, we are closed then.", "Désolé, nous sommes fermés à ce moment-là.",
                    "عذراً، نحن مغلقون في ذلك الوقت.", "Sorry, mnkoun msakkrin hal wa2et.");
            default -> pick(l, "Sorry, that did not work.", "Désolé, cela n'a pas fonctionné.", "عذراً، لم ينجح ذلك.",
                    "Sorry, ma zabatet.");
        };
    }

    private static String orderProblem(Say.OrderProblem p, Language l) {
        String names = p.itemNames().isEmpty() ? "" : " (" + String.join(", ", p.itemNames()) + ")";
        String code = p.codes().isEmpty() ? "INVALID" : p.codes().getFirst();
        return switch (code) {
            case "ITEM_NOT_FOUND", "ITEM_UNAVAILABLE" -> pick(l, "Sorry, not available right now", "Désolé, pas disponible pour le moment",
                    "عذراً، غير متوفر حالياً", "Sorry, mish mawjoud hal2") + names + ".";
            case "INVALID_OPTIONS" -> pick(l, "Those options do not fit", "Ces options ne conviennent pas",
                    "هذه الخيارات غير صالحة", "Hal options ma bi zabto") + names + ".";
            case "BELOW_MINIMUM" -> pick(l, "The order is below the minimum; would you like to add something?",
                    "La commande est en dessous du minimum ; voulez-vous ajouter quelque chose ?",
                    "الطلب أقل من الحد الأدنى؛ هل تود إضافة شيء؟", "El talab a2al men el minimum; baddak tzid shi?");
            case "FULFILMENT_NOT_OFFERED", "DELIVERY_NOT_OFFERED" -> pick(l, "Sorry, that option is not offered.",
                    "Désolé, ce mode n'est pas proposé.", "عذراً، هذا الخيار غير متاح.", "Sorry, hal option mish mawjoud.");
            case "OUT_OF_RADIUS" -> pick(l, "Sorry, that address is outside our delivery area.",
                    "Désolé, cette adresse est hors de notre zone de livraison.", "عذراً، العنوان خارج منطقة التوصيل.",
                    "Sorry, el 3enwen barra mante2et el delivery.");
            case "BRANCH_CLOSED" -> pick(l, "Sorry, we are closed right now.", "Désolé, nous sommes fermés pour le moment.",
                    "عذراً، نحن مغلقون الآن.", "Sorry, msakkrin hal2.");
            default -> pick(l, "Sorry, I could not take that order.", "Désolé, je n'ai pas pu prendre cette commande.",
                    "عذراً، لم أتمكن من تسجيل الطلب.", "Sorry, ma 2deret sajjel el talab.");
        };
    }

    private static String simple(Say.Kind kind, Language l, CatalogFacts catalog) {
        String business = catalog.businessName().isBlank() ? "" : " " + catalog.businessName();
        return switch (kind) {
            case GREETING -> pick(l, "Hello! Welcome to%s. I can book a table, take an order, or answer about the menu and hours.",
                    "Bonjour ! Bienvenue chez%s. Je peux réserver une table, prendre une commande ou répondre sur le menu et les horaires.",
                    "أهلاً بك في%s! يمكنني حجز طاولة، أخذ طلبك، أو الإجابة عن القائمة والمواعيد.",
                    "Ahla w sahla bi%s! Fiyye e7jezlak tawle, ekhod talabak, aw jeweb 3an el menu wl dawem.").formatted(business);
            case WELCOME -> pick(l, "You're welcome!", "Avec plaisir !", "على الرحب والسعة!", "Ahla w sahla!");
            case NOT_UNDERSTOOD -> pick(l, "Sorry, I did not get that. I can book a table, take an order, or answer about the menu, prices and hours.",
                    "Désolé, je n'ai pas compris. Je peux réserver une table, prendre une commande ou répondre sur le menu, les prix et les horaires.",
                    "عذراً، لم أفهم. يمكنني حجز طاولة، أخذ طلب، أو الإجابة عن القائمة والأسعار والمواعيد.",
                    "Sorry, ma fhemet. Fiyye e7jezlak tawle, ekhod talab, aw jeweb 3an el menu wl as3ar wl dawem.");
            case DROPPED -> pick(l, "OK, nothing was changed. Anything else?", "D'accord, rien n'a été changé. Autre chose ?",
                    "حسناً، لم يتغير شيء. هل من شيء آخر؟", "Tamam, ma tghayyar shi. Shi tene?");
            case STILL_WORKING -> pick(l, "One moment, I'm checking…", "Un instant, je vérifie…", "لحظة من فضلك، أتحقق…",
                    "Lahza, 3am sheyyek…");
            case HANDING_OVER -> pick(l, "I've asked a member of our team to reply to you here. Thank you for your patience.",
                    "J'ai demandé à un membre de l'équipe de vous répondre ici. Merci de votre patience.",
                    "طلبت من أحد أعضاء فريقنا الرد عليك هنا. شكراً لصبرك.",
                    "Talabt men 7ada men el team yrod 3alek hon. Merci 3a sabrak.");
            case PLEASE_TYPE -> pick(l, "Sorry, I can't listen to voice notes. Could you type your message?",
                    "Désolé, je ne peux pas écouter les messages vocaux. Pouvez-vous l'écrire ?",
                    "عذراً، لا يمكنني الاستماع للرسائل الصوتية. هل يمكنك كتابة رسالتك؟",
                    "Sorry, ma fiyye esma3 voice notes. Fik tekteb?");
            case NO_BOOKINGS -> pick(l, "I found no upcoming booking from this number.",
                    "Je ne trouve aucune réservation à venir depuis ce numéro.", "لم أجد حجوزات قادمة من هذا الرقم.",
                    "Ma la2et 7ajez men hal ra2em.");
            case INVALID_PARTY -> pick(l, "How many people exactly? (1 to 50)", "Combien de personnes exactement ? (1 à 50)",
                    "كم شخصاً بالضبط؟ (من 1 إلى 50)", "Kam shakhes bl zabt? (1 la 50)");
            case DATE_IN_PAST -> pick(l, "That date has passed.", "Cette date est passée.", "هذا التاريخ مضى.",
                    "Hal tarikh mara2.");
            case ANYTHING_ELSE -> pick(l, "Anything else I can help with?", "Puis-je vous aider pour autre chose ?",
                    "هل يمكنني مساعدتك بشيء آخر؟", "Fiyye se3dak bi shi tene?");
            case REENGAGE -> pick(l, "Sorry for the wait, our team is busy right now. I'm here again: how can I help?",
                    "Désolé pour l'attente, l'équipe est occupée. Je suis de nouveau là : comment puis-je aider ?",
                    "نعتذر عن الانتظار، فريقنا مشغول الآن. أنا هنا مجدداً: كيف أساعدك؟",
                    "Sorry 3al ta2khir, el team mash8ul. Ana hon: kif fiyye se3dak?");
        };
    }

    // --- facts from the catalog only ------------------------------------------------------------

    static String info(Say.Info i, Language l, CatalogFacts catalog, LocalDate today) {
        if (catalog.businessName().isBlank()) {
            return pick(l, "Thank you for your message! The team will get back to you shortly.",
                    "Merci pour votre message ! L'équipe vous répondra rapidement.", "شكراً لرسالتك! سيرد عليك الفريق قريباً.",
                    "Merci 3a risaltak! El team bi rod 3alek ba3d shway.");
        }
        if (i.intent() == Intent.HOURS) {
            return hours(l, catalog, today);
        }
        if (i.intent() == Intent.POLICIES) {
            if (catalog.policies().isEmpty()) {
                return pick(l, "The team will answer that for you.", "L'équipe vous répondra à ce sujet.",
                        "سيجيبك الفريق عن ذلك.", "El team bi jewbak.");
            }
            return catalog.policies().stream().map(p -> "• " + (p.title() == null ? p.type() : p.title()) + ": "
                    + p.description()).collect(Collectors.joining("\n"));
        }
        List<CatalogFacts.MenuItem> mentioned = mentioned(i, catalog);
        if (!mentioned.isEmpty()) {
            return mentioned.stream().map(m -> "• " + m.name() + " — " + money(m.price(), catalog.currency())
                    + (m.available() ? "" : " (" + pick(l, "not available today", "indisponible aujourd'hui",
                    "غير متوفر اليوم", "mish mawjoud l yom") + ")")
                    + (m.description() == null ? "" : "\n  " + m.description())
                    + (m.allergens().isEmpty() ? "" : "\n  " + pick(l, "Allergens", "Allergènes", "مسببات الحساسية",
                    "Allergies") + ": " + String.join(", ", m.allergens())))
                    .collect(Collectors.joining("\n"));
        }
        List<CatalogFacts.MenuItem> available = catalog.items().stream().filter(CatalogFacts.MenuItem::available).toList();
        if (available.isEmpty()) {
            return pick(l, "No dishes are available right now.", "Aucun plat n'est disponible pour le moment.",
                    "لا توجد أطباق متاحة الآن.", "Ma fi akl mawjoud hal2.");
        }
        String lines = available.stream().limit(MENU_LINES)
                .map(m -> "• " + m.name() + " — " + money(m.price(), catalog.currency()))
                .collect(Collectors.joining("\n"));
        String more = available.size() > MENU_LINES ? "\n…+" + (available.size() - MENU_LINES) : "";
        return pick(l, "Here is our menu at %s:", "Voici notre carte chez %s :", "هذه قائمتنا في %s:",
                "Hayda el menu bi %s:").formatted(catalog.businessName()) + "\n" + lines + more;
    }

    private static List<CatalogFacts.MenuItem> mentioned(Say.Info i, CatalogFacts catalog) {
        List<CatalogFacts.MenuItem> found = new ArrayList<>();
        i.slots().items().forEach(line -> catalog.item(line.itemId()).ifPresent(found::add));
        if (found.isEmpty() && i.text() != null) {
            String said = fold(i.text());
            catalog.items().stream().filter(m -> !fold(m.name()).isBlank() && said.contains(fold(m.name())))
                    .forEach(found::add);
        }
        return found.stream().distinct().toList();
    }

    private static String hours(Language l, CatalogFacts catalog, LocalDate today) {
        List<String> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = today.plusDays(d);
            List<CatalogFacts.DailyHours> open = catalog.hoursOn(date, null);
            String name = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale(l));
            String times = open.isEmpty() ? pick(l, "closed", "fermé", "مغلق", "msakkar")
                    : open.stream().map(h -> h.opens() + "–" + h.closes()).collect(Collectors.joining(", "));
            days.add((d == 0 ? "*" : "") + name + (d == 0 ? "*" : "") + ": " + times);
        }
        if (catalog.hours().isEmpty() && catalog.hourOverrides().isEmpty()) {
            return pick(l, "Our opening hours are not published yet.", "Nos horaires ne sont pas encore publiés.",
                    "لم تُنشر مواعيدنا بعد.", "El dawem ma tnashar ba3d.");
        }
        return pick(l, "Opening hours of %s:", "Horaires de %s :", "مواعيد عمل %s:", "Dawem %s:")
                .formatted(catalog.businessName()) + "\n" + String.join("\n", days);
    }

    private static String quote(Quote q, Language l) {
        StringBuilder text = new StringBuilder();
        for (Quote.Line line : q.lines()) {
            text.append(line.quantity()).append(" × ").append(line.name());
            if (!line.options().isEmpty()) {
                text.append(" (").append(String.join(", ", line.options())).append(")");
            }
            text.append(" — ").append(money(line.lineTotal(), q.currency())).append("\n");
        }
        if (q.deliveryFee() != null && q.deliveryFee().signum() > 0) {
            text.append(pick(l, "Delivery", "Livraison", "التوصيل", "Delivery")).append(": ")
                    .append(money(q.deliveryFee(), q.currency())).append("\n");
        }
        text.append(pick(l, "Total", "Total", "المجموع", "Total")).append(": ").append(money(q.total(), q.currency()));
        return text.toString();
    }

    private static String change(LocalDateTime startsAt, Integer party, Language l) {
        List<String> parts = new ArrayList<>();
        if (startsAt != null) {
            parts.add(when(startsAt, l));
        }
        if (party != null) {
            parts.add(party + " " + pick(l, "people", "personnes", "أشخاص", "ashkhas"));
        }
        return String.join(", ", parts);
    }

    private static String fulfilment(String f, Language l) {
        return switch (f) {
            case "DELIVERY" -> pick(l, "Delivery", "Livraison", "توصيل", "Delivery");
            case "TAKEAWAY" -> pick(l, "Takeaway", "À emporter", "استلام", "Takeaway");
            default -> pick(l, "On site", "Sur place", "في المطعم", "Bl mat3am");
        };
    }

    static String money(BigDecimal amount, String currency) {
        return (amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                + (currency == null || currency.isBlank() ? "" : " " + currency);
    }

    private static String when(LocalDateTime t, Language l) {
        return day(t.toLocalDate(), l) + " " + t.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String day(LocalDate date, Language l) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow.getDisplayName(TextStyle.SHORT, locale(l)) + " " + date.format(DateTimeFormatter.ofPattern("dd/MM"));
    }

    /** An instant (order-service sends UTC) is told in the restaurant's time zone; a local time as is. */
    private static String clockOf(String instantOrLocal, java.time.ZoneId zone) {
        try {
            return java.time.OffsetDateTime.parse(instantOrLocal).atZoneSameInstant(zone).toLocalTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        } catch (java.time.format.DateTimeParseException local) {
            // not an instant: a restaurant-local date-time, shown as written
        }
        int t = instantOrLocal.indexOf('T');
        return t < 0 || instantOrLocal.length() < t + 6 ? instantOrLocal : instantOrLocal.substring(t + 1, t + 6);
    }

    private static String place(CatalogFacts.Branch b) {
        return java.util.stream.Stream.of(b.street(), b.city()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static Locale locale(Language l) {
        return switch (l) {
            case FRENCH -> Locale.FRENCH;
            case ARABIC -> Locale.forLanguageTag("ar");
            default -> Locale.ENGLISH;
        };
    }

    private static String pick(Language l, String english, String french, String arabic, String arabizi) {
        return switch (l) {
            case ENGLISH -> english;
            case FRENCH -> french;
            case ARABIC -> arabic;
            case ARABIZI -> arabizi;
        };
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static String fold(String text) {
        return text == null ? "" : Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
