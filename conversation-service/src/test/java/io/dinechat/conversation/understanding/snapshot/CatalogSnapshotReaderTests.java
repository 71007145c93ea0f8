package io.dinechat.conversation.understanding.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.OfflineEngine;
import io.dinechat.conversation.understanding.Phrases;
import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.Understanding;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A published catalog snapshot becomes the facts the assistant matches and answers from. */
class CatalogSnapshotReaderTests {

    private static final UUID HAMRA = UUID.fromString("6f1c2b7e-2222-4a4a-9a9a-000000000001");

    private static JsonNode snapshot() throws IOException {
        try (InputStream in = CatalogSnapshotReaderTests.class.getResourceAsStream("/understanding/catalog-snapshot.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void readsBusinessMenusOptionsHoursOverridesAndPolicies() throws IOException {
        CatalogFacts facts = CatalogSnapshotReader.read(snapshot());

        assertThat(facts.businessName()).isEqualTo("Beit Zaatar");
        assertThat(facts.defaultLanguage()).isEqualTo(Language.ARABIZI);
        assertThat(facts.timeZone()).isEqualTo(ZoneId.of("Asia/Beirut"));
        assertThat(facts.settings().allowOnSite()).isFalse();
        assertThat(facts.branches()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("Hamra");
            assertThat(b.street()).isEqualTo("Hamra Street");
            assertThat(b.minOrderValue()).isEqualByComparingTo("10.00");
        });
        assertThat(facts.items()).hasSize(2);
        CatalogFacts.MenuItem shawarma = facts.items().getFirst();
        assertThat(shawarma.price()).isEqualByComparingTo("6.50");
        assertThat(shawarma.menuName()).isEqualTo("Mains");
        assertThat(shawarma.branchIds()).containsExactly(HAMRA);
        assertThat(shawarma.optionGroups()).singleElement().satisfies(g -> {
            assertThat(g.required()).isTrue();
            assertThat(g.maxChoices()).isEqualTo(1);
            assertThat(g.options()).extracting(CatalogFacts.Option::name).containsExactly("Regular", "Large");
            assertThat(g.options().get(1).priceDelta()).isEqualByComparingTo(new BigDecimal("2.00"));
        });
        assertThat(facts.items().get(1).available()).isFalse();
        assertThat(facts.hoursOn(LocalDate.of(2025, 11, 21), null)).extracting(CatalogFacts.DailyHours::opens)
                .containsExactly(LocalTime.of(12, 0), LocalTime.of(19, 0));
        assertThat(facts.hoursOn(LocalDate.of(2025, 11, 24), null)).isEmpty();
        // the business-wide holiday closes the branch even though the branch has Saturday hours of its own
        assertThat(facts.hoursOn(LocalDate.of(2025, 11, 22), HAMRA)).isEmpty();
        assertThat(facts.hoursOn(LocalDate.of(2025, 11, 29), HAMRA)).extracting(CatalogFacts.DailyHours::opens)
                .containsExactly(LocalTime.of(10, 0));
        assertThat(facts.policies()).singleElement().satisfies(p -> assertThat(p.type()).isEqualTo("delivery"));
    }

    @Test
    void theFixtureIsWhatOrderServicePublishes() throws IOException {
        try (InputStream in = CatalogSnapshotReaderTests.class.getResourceAsStream("/understanding/catalog-snapshot.json")) {
            io.dinechat.testing.EventContract.assertValid("io.dinechat.catalog.snapshot.published", in.readAllBytes());
        }
    }

    @Test
    void theEngineOrdersFromTheSnapshotsMenu() throws IOException {
        CatalogFacts facts = CatalogSnapshotReader.read(snapshot());

        Understanding u = new OfflineEngine().understand(new TurnInput("badde 2 shawarma djej kbir sefre", null, facts,
                LocalDate.of(2025, 11, 19), facts.timeZone()));

        assertThat(u.language()).isEqualTo(Language.ARABIZI);
        assertThat(u.intent()).isEqualTo(Intent.ORDER);
        assertThat(u.slots().items()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.optionIds()).containsExactly(UUID.fromString("6f1c2b7e-6666-4a4a-9a9a-000000000002"));
        });
        assertThat(Phrases.hours(Language.ENGLISH, facts, LocalDate.of(2025, 11, 21), null))
                .contains("Friday (today): 12:00 PM–3:00 PM, 7:00 PM–1:00 AM")
                .contains("Saturday: closed (Independence Day)");
    }

    @Test
    void toleratesSnapshotsWithoutTheNewerFields() throws IOException {
        JsonNode old = snapshot();
        ((tools.jackson.databind.node.ObjectNode) old).remove("hourOverrides");
        ((tools.jackson.databind.node.ObjectNode) old.path("menus").get(0).path("items").get(0)).remove("optionGroups");

        CatalogFacts facts = CatalogSnapshotReader.read(old);

        assertThat(facts.hourOverrides()).isEmpty();
        assertThat(facts.items().getFirst().optionGroups()).isEmpty();
        assertThat(facts.hoursOn(LocalDate.of(2025, 11, 22), HAMRA)).isNotEmpty();
    }
}
