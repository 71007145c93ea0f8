package io.dinechat.conversation.understanding;

import io.dinechat.conversation.understanding.CatalogFacts.DailyHours;
import io.dinechat.conversation.understanding.CatalogFacts.MenuItem;
import io.dinechat.conversation.understanding.CatalogFacts.Policy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the assistant says, in the guest's language: short, the way people write on WhatsApp.
 * Everything factual comes in as arguments (prices from the order quote, times from the reservation
 * service) or from {@link CatalogFacts}; nothing here invents a price, a dish or an hour.
 * Arabic replies use Western digits, as Lebanese guests mostly do; Arabizi replies use the usual
 * Lebanese spellings. Button titles stay within WhatsApp's 20 characters.
 */
public final class Phrases {

    private Phrases() {
    }

    /** The detail the policy asks for next, one at a time. */
    public enum Ask { DATE, TIME, PARTY_SIZE, NAME, ITEMS, FULFILMENT, ADDRESS, BRANCH, BOOKING_REFERENCE }

    /** One priced line of a validated order quote (names and amounts from order-service, not from the guest). */
    public record PricedLine(String name, int quantity, List<String> options, BigDecimal lineTotal) {

        public PricedLine {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    private static String pick(Language language, String english, String french, String arabic, String arabizi) {
        return switch (language == null ? Language.ENGLISH : language) {
            case ENGLISH -> english;
            case FRENCH -> french;
            case ARABIC -> arabic;
            case ARABIZI -> arabizi;
        };
    }

    // ---- conversation

    public static String greeting(Language l, String businessName) {
        String name = businessName == null || businessName.isBlank() ? "" : businessName.strip();
        return pick(l,
                "Hi! 👋 Welcome to " + name + ". I can book you a table, take your order or answer questions about the menu and opening hours.",
                "Bonjour ! 👋 Bienvenue chez " + name + ". Je peux réserver une table, prendre votre commande ou répondre à vos questions sur la carte et les horaires.",
                "أهلاً وسهلاً! 👋 معك " + name + ". فيني احجزلك طاولة، آخد طلبك، أو جاوبك عن المنيو والدوام.",
                "Ahla w sahla! 👋 Ma3ak " + name + ". Fiye e7jezlak tawle, ekhod talabak aw jewbak 3an el menu w el dawem.")
                .replace("  ", " ").replace(" .", ".");
    }

    public static String ask(Language l, Ask what) {
        return switch (what) {
            case DATE -> pick(l, "For which day? 📅", "Pour quel jour ? 📅", "لأي يوم؟ 📅", "La ayya nhar? 📅");
            case TIME -> pick(l, "What time would suit you? 🕗", "À quelle heure ? 🕗", "أي ساعة بتناسبك؟ 🕗",
                    "Ayya se3a bte7ke? 🕗");
            case PARTY_SIZE -> pick(l, "For how many people?", "Pour combien de personnes ?", "لكم شخص؟",
                    "La kam shakhes?");
            case NAME -> pick(l, "Under which name?", "À quel nom ?", "على أي اسم؟", "3a ayya esm?");
            case ITEMS -> pick(l, "What would you like to order?", "Qu'est-ce que vous souhaitez commander ?",
                    "شو حابب تطلب؟", "Shu baddak totlob?");
            case FULFILMENT -> pick(l, "Takeaway, delivery or eat in?", "À emporter, en livraison ou sur place ?",
                    "سفري، توصيل، أو بالمطعم؟", "Sefre, delivery aw bel mat3am?");
            case ADDRESS -> pick(l, "What's the delivery address? 📍", "Quelle est l'adresse de livraison ? 📍",
                    "شو عنوان التوصيل؟ 📍", "Shu el 3enwen lal delivery? 📍");
            case BRANCH -> pick(l, "Which branch would you like?", "Quelle adresse vous arrange ?", "أي فرع بتحب؟",
                    "Ayya far3 baddak?");
            case BOOKING_REFERENCE -> pick(l, "What's your booking reference? (like R-7K3P)",
                    "Quelle est votre référence de réservation ? (ex. R-7K3P)", "شو رقم الحجز؟ (متل R-7K3P)",
                    "Shu ra2am el 7ajez? (metel R-7K3P)");
        };
    }

    // ---- bookings

    public static String bookingSummary(Language l, LocalDateTime startsAt, int partySize, String name, String branchName) {
        String when = when(l, startsAt);
        String where = branchName == null || branchName.isBlank() ? "" : pick(l, " at " + branchName,
                " à " + branchName, " في فرع " + branchName, " bi far3 " + branchName);
        String who = name == null || name.isBlank() ? "" : pick(l, ", name: " + name, ", au nom de " + name,
                "، على اسم " + name, ", 3a esm " + name);
        return pick(l,
                "Table for " + partySize + " on " + when + where + who + ". Shall I confirm?",
                "Table pour " + partySize + " le " + when + where + who + ". Je confirme ?",
                "طاولة لـ " + partySize + " " + people(l, partySize) + " " + when + where + who + ". بأكّد الحجز؟",
                "Tawle la " + partySize + " " + when + where + who + ". Ekkedlak el 7ajez?");
    }

    public static String booked(Language l, String reference, LocalDateTime startsAt, int partySize, boolean pending) {
        String when = when(l, startsAt);
        if (pending) {
            return pick(l,
                    "Request received ✅ Table for " + partySize + " on " + when + ". The restaurant will confirm shortly. Reference: " + reference,
                    "Demande reçue ✅ Table pour " + partySize + " le " + when + ". Le restaurant confirme très vite. Référence : " + reference,
                    "وصل طلبك ✅ طاولة لـ " + partySize + " " + when + ". المطعم رح يأكّد قريباً. رقم الحجز: " + reference,
                    "Wosel talabak ✅ Tawle la " + partySize + " " + when + ". El mat3am ra7 ye2akked 2ariban. Ra2am el 7ajez: " + reference);
        }
        return pick(l,
                "You're booked ✅ Table for " + partySize + " on " + when + ". Reference: " + reference + ". See you soon!",
                "C'est réservé ✅ Table pour " + partySize + " le " + when + ". Référence : " + reference + ". À bientôt !",
                "تم الحجز ✅ طاولة لـ " + partySize + " " + when + ". رقم الحجز: " + reference + ". منشوفك قريباً!",
                "Tamm el 7ajez ✅ Tawle la " + partySize + " " + when + ". Ra2am el 7ajez: " + reference + ". Mnshoufak 2ariban!");
    }

    public static String modified(Language l, String reference, LocalDateTime startsAt, int partySize) {
        String when = when(l, startsAt);
        return pick(l,
                "Done ✅ Booking " + reference + " is now for " + partySize + " on " + when + ".",
                "C'est fait ✅ La réservation " + reference + " est maintenant pour " + partySize + " le " + when + ".",
                "تم ✅ صار الحجز " + reference + " لـ " + partySize + " " + when + ".",
                "Tamam ✅ Sar el 7ajez " + reference + " la " + partySize + " " + when + ".");
    }

    public static String cancelled(Language l, String reference) {
        return pick(l,
                "Your booking " + reference + " is cancelled. Hope to see you another time!",
                "Votre réservation " + reference + " est annulée. Au plaisir de vous recevoir une prochaine fois !",
                "تم إلغاء الحجز " + reference + ". منتمنى نشوفك مرة تانية!",
                "Tlagha el 7ajez " + reference + ". Nchallah mnshoufak marra tenye!");
    }

    /** Offers the nearest bookable times (from reservation-service), or says none are left that day. */
    public static String alternatives(Language l, LocalDateTime requested, List<LocalDateTime> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            return pick(l,
                    "Sorry, nothing is free around " + when(l, requested) + ". Would another day work?",
                    "Désolé, rien de libre autour du " + when(l, requested) + ". Un autre jour vous irait ?",
                    "آسفين، ما في محل حوالي " + when(l, requested) + ". بيناسبك يوم تاني؟",
                    "Sorry, ma fi ma7al 7awele " + when(l, requested) + ". Bte7ke nhar tene?");
        }
        String options = alternatives.stream()
                .map(a -> a.toLocalDate().equals(requested.toLocalDate()) ? clock(l, a.toLocalTime()) : when(l, a))
                .collect(Collectors.joining(or(l, alternatives.size()), "", ""));
        return pick(l,
                when(l, requested) + " is full, sorry. I can offer " + options + ". Which one suits you?",
                "Désolé, " + when(l, requested) + " c'est complet. Je peux vous proposer " + options + ". Ça vous va ?",
                "آسفين، " + when(l, requested) + " محجوز بالكامل. فينا نعطيك " + options + ". أيّا بيناسبك؟",
                "Sorry, " + when(l, requested) + " full. Fina na3tik " + options + ". Ayya bte7ke?");
    }

    private static String or(Language l, int n) {
        return pick(l, ", ", ", ", "، ", ", ");
    }

    // ---- orders

    public static String orderSummary(Language l, List<PricedLine> lines, BigDecimal subtotal, BigDecimal deliveryFee,
            BigDecimal total, String currency, Fulfilment fulfilment, String address, LocalDateTime scheduledFor) {
        StringBuilder b = new StringBuilder(pick(l, "Your order:", "Votre commande :", "طلبك:", "Talabak:"));
        for (PricedLine line : lines) {
            b.append("\n• ").append(line.quantity()).append(" × ").append(line.name());
            if (!line.options().isEmpty()) {
                b.append(" (").append(String.join(", ", line.options())).append(")");
            }
            b.append(" — ").append(money(line.lineTotal(), currency));
        }
        if (deliveryFee != null && deliveryFee.signum() > 0) {
            b.append("\n").append(pick(l, "Delivery", "Livraison", "التوصيل", "Delivery")).append(": ")
                    .append(money(deliveryFee, currency));
        }
        b.append("\n*").append(pick(l, "Total", "Total", "المجموع", "El total")).append(": ").append(money(total, currency))
                .append("*");
        if (fulfilment != null) {
            b.append("\n").append(fulfilment(l, fulfilment));
            if (fulfilment == Fulfilment.DELIVERY && address != null && !address.isBlank()) {
                b.append(pick(l, " to ", " à ", " على ", " 3a ")).append(address.strip());
            }
        }
        if (scheduledFor != null) {
            b.append(", ").append(when(l, scheduledFor));
        }
        b.append("\n").append(pick(l, "Shall I place it?", "Je valide la commande ?", "بثبّت الطلب؟", "Sabbetlak el talab?"));
        return b.toString();
    }

    public static String orderPlaced(Language l, String reference, BigDecimal total, String currency, LocalTime readyAt) {
        String ready = readyAt == null ? "" : pick(l, " Ready around " + clock(l, readyAt) + ".",
                " Prête vers " + clock(l, readyAt) + ".", " بيكون جاهز حوالي " + clock(l, readyAt) + ".",
                " Bikoun jehez 7awele " + clock(l, readyAt) + ".");
        return pick(l,
                "Order placed ✅ Reference " + reference + ", total " + money(total, currency) + "." + ready + " Thank you!",
                "Commande passée ✅ Référence " + reference + ", total " + money(total, currency) + "." + ready + " Merci !",
                "تم الطلب ✅ رقم الطلب " + reference + "، المجموع " + money(total, currency) + "." + ready + " شكراً!",
                "Tamm el talab ✅ Ra2am " + reference + ", el total " + money(total, currency) + "." + ready + " Merci!");
    }

    /** Order status words from order-service (pending, accepted, preparing, ready, out_for_delivery, delivered, completed, cancelled). */
    public static String orderStatus(Language l, String reference, String status) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        String said = switch (s) {
            case "pending" -> pick(l, "received, waiting for the kitchen", "reçue, en attente de la cuisine",
                    "وصل وناطر المطبخ", "wosel w natar el matbakh");
            case "accepted", "confirmed" -> pick(l, "accepted", "acceptée", "انقبل", "n2abal");
            case "preparing", "in_preparation" -> pick(l, "being prepared 👨‍🍳", "en préparation 👨‍🍳", "عم يتحضّر 👨‍🍳",
                    "3am yet7adar 👨‍🍳");
            case "ready" -> pick(l, "ready ✅", "prête ✅", "جاهز ✅", "jehez ✅");
            case "out_for_delivery", "dispatched" -> pick(l, "on its way 🛵", "en route 🛵", "عالطريق 🛵", "3al tari2 🛵");
            case "delivered", "completed", "picked_up" -> pick(l, "delivered", "livrée", "تسلّم", "tsallam");
            case "cancelled", "canceled", "rejected" -> pick(l, "cancelled", "annulée", "ملغى", "mlghe");
            default -> s.replace('_', ' ');
        };
        return pick(l, "Order " + reference + ": " + said + ".", "Commande " + reference + " : " + said + ".",
                "الطلب " + reference + ": " + said + ".", "Talab " + reference + ": " + said + ".");
    }

    public static String itemUnavailable(Language l, String itemName) {
        return pick(l, "Sorry, " + itemName + " is not available right now.",
                "Désolé, " + itemName + " n'est pas disponible pour le moment.", "آسفين، " + itemName + " مش متوفر هلق.",
                "Sorry, " + itemName + " mesh mawjoud halla2.");
    }

    /** "Which one: Chicken Shawarma or Beef Shawarma?" — names from the catalog. */
    public static String whichItem(Language l, List<String> names) {
        String list = String.join(pick(l, " or ", " ou ", " أو ", " aw "), names);
        return pick(l, "Which one: " + list + "?", "Lequel : " + list + " ?", "أيّا: " + list + "؟", "Ayya wa7ad: " + list + "?");
    }

    public static String notOnMenu(Language l) {
        return pick(l, "I couldn't find that on our menu. Type *menu* to see what we have.",
                "Je ne trouve pas ça sur notre carte. Écrivez *carte* pour la voir.",
                "ما لقيت هالشي بالمنيو. اكتب *منيو* لتشوف شو عنا.",
                "Ma le2et hayda bel menu. Ekteb *menu* la tshouf shu 3anna.");
    }

    // ---- rejections

    /** Why reservation-service or order-service said no, by the contract's reason code. */
    public static String rejection(Language l, String code) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return switch (c) {
            case "FULLY_BOOKED" -> pick(l, "Sorry, we're fully booked at that time.", "Désolé, c'est complet à cette heure-là.",
                    "آسفين، محجوزين بالكامل بهالوقت.", "Sorry, ma fi ma7al bi hal wa2et.");
            case "CLOSED" -> pick(l, "Sorry, we're closed at that time.", "Désolé, nous sommes fermés à ce moment-là.",
                    "آسفين، منكون مسكّرين بهالوقت.", "Sorry, mnkoun msakrin bi hal wa2et.");
            case "PARTY_TOO_LARGE" -> pick(l, "That's a big group! I can't book it here; let me pass you to the team.",
                    "C'est un grand groupe ! Je ne peux pas le réserver ici, je vous passe l'équipe.",
                    "هيدي مجموعة كبيرة! ما فيني احجزها من هون، رح حوّلك عالفريق.",
                    "Hayde majmou3a kbire! Ma fiye e7jeza men hon, ra7 7awwlak 3al team.");
            case "TOO_SOON" -> pick(l, "That's too soon to book online. Could you pick a later time?",
                    "C'est trop tôt pour réserver en ligne. Un horaire un peu plus tard ?",
                    "هالوقت قريب كتير للحجز. فيك تختار وقت أبعد؟", "Hal wa2et 2arib ktir. Fik tna22e wa2et ab3ad?");
            case "TOO_FAR_AHEAD" -> pick(l, "We don't take bookings that far ahead yet. Could you pick an earlier date?",
                    "Nous ne prenons pas encore de réservations aussi loin. Une date plus proche ?",
                    "ما منقبل حجوزات لهالقد بعيد. فيك تختار تاريخ أقرب؟",
                    "Ma men2abel 7ajz la hal2ad b3id. Fik tna22e tarikh a2rab?");
            case "NOT_OWNER" -> pick(l, "This booking was made from another number, so I can't change it from here. Please write from that number or call us.",
                    "Cette réservation a été faite depuis un autre numéro, je ne peux pas la modifier d'ici. Écrivez-nous depuis ce numéro ou appelez-nous.",
                    "هالحجز معمول من رقم تاني، ما فيني غيّره من هون. ابعتلنا من نفس الرقم أو اتصل فينا.",
                    "Hal 7ajez ma3moul men ra2am tene, ma fiye ghayyro men hon. B3atelna men nafs el ra2am aw ettesel fina.");
            case "NOT_FOUND" -> pick(l, "I couldn't find that booking. Could you check the reference?",
                    "Je ne trouve pas cette réservation. Pouvez-vous vérifier la référence ?",
                    "ما لقيت هالحجز. فيك تتأكد من الرقم؟", "Ma le2et hal 7ajez. Fik tet2akkad men el ra2am?");
            case "PROVIDER_UNAVAILABLE" -> pick(l, "Our booking system isn't answering right now. I've told the team, they'll get back to you.",
                    "Notre système de réservation ne répond pas pour le moment. J'ai prévenu l'équipe, elle revient vers vous.",
                    "نظام الحجز مش عم يرد هلق. خبّرت الفريق ورح يرجعولك.",
                    "El system mesh 3am yrod halla2. Khabbaret el team w ra7 yerja3oulak.");
            case "ITEM_NOT_FOUND" -> notOnMenu(l);
            case "ITEM_UNAVAILABLE" -> pick(l, "Sorry, one of the items isn't available right now.",
                    "Désolé, un des articles n'est pas disponible pour le moment.", "آسفين، في صنف مش متوفر هلق.",
                    "Sorry, fi shi mesh mawjoud halla2.");
            case "INVALID_OPTIONS" -> pick(l, "Some of the options don't go with that item. Could you choose again?",
                    "Certaines options ne vont pas avec cet article. Vous pouvez choisir à nouveau ?",
                    "في خيارات ما بتمشي مع هالصنف. فيك تختار من جديد؟",
                    "Fi options ma btemshe ma3 hal sanf. Fik tna22e men jdid?");
            case "BELOW_MINIMUM" -> pick(l, "The order is below our minimum. Would you like to add something?",
                    "La commande est sous le minimum. Vous voulez ajouter quelque chose ?",
                    "الطلب أقل من الحد الأدنى. بتحب تزيد شي؟", "El talab a2al men el minimum. Baddak tzid shi?");
            case "DELIVERY_NOT_OFFERED" -> pick(l, "Sorry, we don't deliver. Takeaway or eat in?",
                    "Désolé, nous ne livrons pas. À emporter ou sur place ?", "آسفين، ما منوصّل. سفري أو بالمطعم؟",
                    "Sorry, ma mnwassel. Sefre aw bel mat3am?");
            case "FULFILMENT_NOT_OFFERED" -> pick(l, "Sorry, we don't offer that. " + ask(l, Ask.FULFILMENT),
                    "Désolé, ce n'est pas proposé. " + ask(l, Ask.FULFILMENT), "آسفين، هالخدمة مش متوفرة. " + ask(l, Ask.FULFILMENT),
                    "Sorry, hayda mesh mawjoud. " + ask(l, Ask.FULFILMENT));
            case "OUT_OF_RADIUS" -> pick(l, "Sorry, that address is outside our delivery area.",
                    "Désolé, cette adresse est hors de notre zone de livraison.", "آسفين، هالعنوان برّا منطقة التوصيل.",
                    "Sorry, hal 3enwen barra mante2et el delivery.");
            case "BRANCH_CLOSED" -> pick(l, "Sorry, the branch is closed right now.", "Désolé, le restaurant est fermé en ce moment.",
                    "آسفين، الفرع مسكّر هلق.", "Sorry, el far3 msakkar halla2.");
            case "SCHEDULING_NOT_ALLOWED" -> pick(l, "Sorry, we only take orders for right now.",
                    "Désolé, nous ne prenons que les commandes immédiates.", "آسفين، منقبل طلبات للحين بس.",
                    "Sorry, men2abel talabet la halla2 bas.");
            default -> pick(l, "Sorry, that didn't work. Could you try again?", "Désolé, ça n'a pas marché. Vous pouvez réessayer ?",
                    "آسفين، ما زبطت. فيك تجرّب مرة تانية؟", "Sorry, ma zabatet. Fik tjarreb marra tenye?");
        };
    }

    // ---- humans, voice, small talk

    public static String handoff(Language l) {
        return pick(l, "I'm passing you to the team 🙋 Someone will answer you here shortly.",
                "Je vous passe l'équipe 🙋 Quelqu'un vous répond ici très vite.",
                "عم حوّلك عالفريق 🙋 حدا رح يرد عليك هون قريباً.",
                "3am 7awwlak 3al team 🙋 7ada ra7 yrod 3alek hon 2ariban.");
    }

    /** When staff did not answer within the escalation timeout: the assistant takes the guest back. */
    public static String reengage(Language l) {
        return pick(l, "Sorry for the wait! The team is busy; I'm back to help. What can I do for you?",
                "Désolé pour l'attente ! L'équipe est occupée, je reprends. Que puis-je faire pour vous ?",
                "آسفين عالانتظار! الفريق مشغول، أنا رجعت لساعدك. شو فيني اعمللك؟",
                "Sorry 3al ta2khir! El team mashghoul, ana rje3et la se3dak. Shu fiye a3melak?");
    }

    /** When a dependency is down and the request cannot be finished now. */
    public static String unavailable(Language l) {
        return pick(l, "Sorry, I can't finish that right now. I've told the team and they'll get back to you.",
                "Désolé, je ne peux pas finaliser pour le moment. J'ai prévenu l'équipe, elle revient vers vous.",
                "آسفين، ما فيني كمّل هلق. خبّرت الفريق ورح يرجعولك.",
                "Sorry, ma fiye kammel halla2. Khabbaret el team w ra7 yerja3oulak.");
    }

    public static String typeInstead(Language l) {
        return pick(l, "Sorry, I can't listen to voice notes here. Could you type your message? 🙏",
                "Désolé, je ne peux pas écouter les messages vocaux ici. Pouvez-vous l'écrire ? 🙏",
                "آسفين، ما فيني اسمع الرسائل الصوتية هون. فيك تكتبلي؟ 🙏",
                "Sorry, ma fiye esma3 voice hon. Fik tektebli? 🙏");
    }

    public static String thanks(Language l) {
        return pick(l, "You're welcome! 😊", "Avec plaisir ! 😊", "العفو! 😊", "3afwan! 😊");
    }

    public static String fallback(Language l) {
        return pick(l, "Sorry, I didn't get that. I can book a table, take an order, or tell you about our menu and hours.",
                "Désolé, je n'ai pas compris. Je peux réserver une table, prendre une commande ou vous parler de la carte et des horaires.",
                "آسفين، ما فهمت عليك. فيني احجزلك طاولة، آخد طلب، أو خبّرك عن المنيو والدوام.",
                "Sorry, ma fhemet 3alek. Fiye e7jezlak tawle, ekhod talab, aw khabbrak 3an el menu w el dawem.");
    }

    public static String chooseBranch(Language l) {
        return pick(l, "We have several branches. Which one?", "Nous avons plusieurs adresses. Laquelle ?",
                "عنا أكتر من فرع. أيّا؟", "3anna aktar men far3. Ayya wa7ad?");
    }

    public static String nothingToChange(Language l) {
        return pick(l, "I couldn't find an upcoming booking from this number.",
                "Je ne trouve pas de réservation à venir depuis ce numéro.", "ما لقيت حجز جاي من هالرقم.",
                "Ma le2et 7ajez jeye men hal ra2am.");
    }

    // ---- buttons (≤ 20 characters)

    public static String confirmButton(Language l) {
        return pick(l, "Confirm ✅", "Confirmer ✅", "تأكيد ✅", "Akked ✅");
    }

    public static String changeButton(Language l) {
        return pick(l, "Change ✏️", "Modifier ✏️", "تعديل ✏️", "Ghayyer ✏️");
    }

    public static String cancelButton(Language l) {
        return pick(l, "Cancel ❌", "Annuler ❌", "إلغاء ❌", "Elghe ❌");
    }

    public static String branchListButton(Language l) {
        return pick(l, "Branches", "Adresses", "الفروع", "El fourou3");
    }

    // ---- answers from the catalog only

    /** The available dishes with their prices (at most {@code max} lines), grouped by menu. */
    public static String menu(Language l, CatalogFacts catalog, int max) {
        List<MenuItem> available = catalog.items().stream().filter(MenuItem::available).toList();
        if (available.isEmpty()) {
            return pick(l, "Our menu isn't online yet. Would you like to talk to the team?",
                    "Notre carte n'est pas encore en ligne. Voulez-vous parler à l'équipe ?",
                    "المنيو مش منزّل بعد. بتحب تحكي مع الفريق؟", "El menu mesh menazzal ba3d. Baddak te7ke ma3 el team?");
        }
        StringBuilder b = new StringBuilder(pick(l, "Here's our menu 🍽️", "Voici notre carte 🍽️", "هيدا المنيو تبعنا 🍽️",
                "Hayda el menu taba3na 🍽️"));
        String lastMenu = null;
        int shown = 0;
        for (MenuItem item : available) {
            if (shown == max) {
                break;
            }
            if (item.menuName() != null && !item.menuName().equals(lastMenu) && catalog.items().stream()
                    .map(MenuItem::menuName).filter(Objects::nonNull).distinct().count() > 1) {
                b.append("\n\n*").append(item.menuName()).append("*");
                lastMenu = item.menuName();
            }
            b.append("\n• ").append(item.name()).append(" — ").append(money(item.price(), catalog.currency()));
            shown++;
        }
        if (available.size() > shown) {
            int more = available.size() - shown;
            b.append("\n").append(pick(l, "…and " + more + " more.", "…et " + more + " autres.", "…و" + more + " غيرهن.",
                    "…w " + more + " ghayron."));
        }
        return b.toString();
    }

    /** The price of each asked item, with its priced options; from the catalog only. */
    public static String prices(Language l, CatalogFacts catalog, List<UUID> itemIds) {
        List<String> lines = new ArrayList<>();
        for (UUID id : itemIds) {
            catalog.item(id).ifPresent(item -> {
                StringBuilder line = new StringBuilder(item.name()).append(": ").append(money(item.price(), catalog.currency()));
                List<String> extras = item.optionGroups().stream().flatMap(g -> g.options().stream())
                        .filter(o -> o.priceDelta() != null && o.priceDelta().signum() > 0)
                        .map(o -> o.name() + " +" + money(o.priceDelta(), catalog.currency())).toList();
                if (!extras.isEmpty()) {
                    line.append(" (").append(String.join(", ", extras)).append(")");
                }
                if (!item.available()) {
                    line.append(pick(l, " — not available right now", " — indisponible pour le moment",
                            " — مش متوفر هلق", " — mesh mawjoud halla2"));
                }
                lines.add(line.toString());
            });
        }
        if (lines.isEmpty()) {
            return notOnMenu(l);
        }
        return String.join("\n", lines);
    }

    /** Opening hours of the week, today first-marked, and today's special hours when there are any. */
    public static String hours(Language l, CatalogFacts catalog, LocalDate today, UUID branchId) {
        if (catalog.hours().isEmpty() && catalog.hourOverrides().isEmpty()) {
            return pick(l, "Our opening hours aren't online yet.", "Nos horaires ne sont pas encore en ligne.",
                    "الدوام مش منزّل بعد.", "El dawem mesh menazzal ba3d.");
        }
        StringBuilder b = new StringBuilder(pick(l, "Our opening hours 🕒", "Nos horaires 🕒", "دوامنا 🕒", "Dawemna 🕒"));
        for (int i = 0; i < 7; i++) {
            LocalDate day = today.plusDays(i);
            List<DailyHours> open = catalog.hoursOn(day, branchId);
            b.append("\n").append(i == 0 ? "*" : "").append(dayName(l, day.getDayOfWeek()));
            if (i == 0) {
                b.append(pick(l, " (today)", " (aujourd'hui)", " (اليوم)", " (lyom)"));
            }
            b.append(": ");
            if (open.isEmpty()) {
                b.append(pick(l, "closed", "fermé", "مسكّر", "msakkar"));
            } else {
                b.append(open.stream().map(h -> clock(l, h.opens()) + "–" + clock(l, h.closes()))
                        .collect(Collectors.joining(", ")));
            }
            catalog.overrideOn(day, branchId).map(CatalogFacts.HourOverride::note).filter(n -> n != null && !n.isBlank())
                    .ifPresent(note -> b.append(" (").append(note).append(")"));
            if (i == 0) {
                b.append("*");
            }
        }
        return b.toString();
    }

    /** The business's policies (and the branch's, when given), as the owner wrote them. */
    public static String policies(Language l, CatalogFacts catalog, UUID branchId) {
        List<Policy> relevant = catalog.policies().stream()
                .filter(p -> p.branchId() == null || p.branchId().equals(branchId)).toList();
        if (relevant.isEmpty()) {
            return pick(l, "I don't have that information. Would you like to talk to the team?",
                    "Je n'ai pas cette information. Voulez-vous parler à l'équipe ?",
                    "ما عندي هالمعلومة. بتحب تحكي مع الفريق؟", "Ma 3ande hal ma3loume. Baddak te7ke ma3 el team?");
        }
        return relevant.stream().map(p -> {
            String title = p.title() != null && !p.title().isBlank() ? p.title() : policyType(l, p.type());
            return "*" + title + "*: " + p.description();
        }).collect(Collectors.joining("\n"));
    }

    private static String policyType(Language l, String type) {
        return switch (type == null ? "" : type) {
            case "delivery" -> pick(l, "Delivery", "Livraison", "التوصيل", "Delivery");
            case "refund" -> pick(l, "Refunds", "Remboursements", "الاسترجاع", "Refund");
            case "cancellation" -> pick(l, "Cancellations", "Annulations", "الإلغاء", "El elgha2");
            default -> pick(l, "Good to know", "Bon à savoir", "معلومات", "Ma3loumet");
        };
    }

    // ---- formatting

    private static final Map<DayOfWeek, String[]> DAYS = Map.of(
            DayOfWeek.MONDAY, new String[] {"Monday", "lundi", "الاثنين", "el tanen"},
            DayOfWeek.TUESDAY, new String[] {"Tuesday", "mardi", "الثلاثاء", "el talata"},
            DayOfWeek.WEDNESDAY, new String[] {"Wednesday", "mercredi", "الأربعاء", "el arb3a"},
            DayOfWeek.THURSDAY, new String[] {"Thursday", "jeudi", "الخميس", "el khamis"},
            DayOfWeek.FRIDAY, new String[] {"Friday", "vendredi", "الجمعة", "el jem3a"},
            DayOfWeek.SATURDAY, new String[] {"Saturday", "samedi", "السبت", "el sabt"},
            DayOfWeek.SUNDAY, new String[] {"Sunday", "dimanche", "الأحد", "el a7ad"});

    static String dayName(Language l, DayOfWeek day) {
        String[] names = DAYS.get(day);
        return pick(l, names[0], names[1], names[2], names[3]);
    }

    /** "Friday 21/11, 8:00 PM", "vendredi 21/11 à 20h00", "الجمعة 21/11 الساعة 20:00", "el jem3a 21/11 l se3a 20:00". */
    public static String when(Language l, LocalDateTime at) {
        String date = dayName(l, at.getDayOfWeek()) + " " + at.getDayOfMonth() + "/" + at.getMonthValue();
        return date + pick(l, ", ", " à ", " الساعة ", " l se3a ") + clock(l, at.toLocalTime());
    }

    public static String clock(Language l, LocalTime t) {
        return switch (l == null ? Language.ENGLISH : l) {
            case ENGLISH -> {
                int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
                yield h + ":" + String.format("%02d", t.getMinute()) + (t.getHour() < 12 ? " AM" : " PM");
            }
            case FRENCH -> t.getHour() + "h" + String.format("%02d", t.getMinute());
            case ARABIC, ARABIZI -> String.format("%d:%02d", t.getHour(), t.getMinute());
        };
    }

    /** "12.50 USD"; whole amounts in currencies without cents stay whole ("450000 LBP"). */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        BigDecimal a = amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0, RoundingMode.UNNECESSARY)
                : amount.setScale(2, RoundingMode.HALF_UP);
        return a.toPlainString() + (currency == null || currency.isBlank() ? "" : " " + currency);
    }

    private static String people(Language l, int n) {
        return l == Language.ARABIC ? (n == 1 ? "شخص" : n <= 10 ? "أشخاص" : "شخص") : "";
    }

    private static String fulfilment(Language l, Fulfilment f) {
        return switch (f) {
            case TAKEAWAY -> pick(l, "Takeaway", "À emporter", "سفري", "Sefre");
            case DELIVERY -> pick(l, "Delivery", "Livraison", "توصيل", "Delivery");
            case ON_SITE -> pick(l, "Eat in", "Sur place", "بالمطعم", "Bel mat3am");
        };
    }
}
