package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** What V1__reservations.sql guarantees, exercised as the runtime role inside tenant transactions. */
class ReservationSchemaTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OffsetDateTime EVENING = OffsetDateTime.of(2026, 12, 18, 19, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    private TenantTransactions tenants;

    @Autowired
    private DatabaseClient db;

    @Test
    void aTableCannotBeBookedTwiceForOverlappingTimesButBackToBackSlotsAreFine() {
        // given
        UUID tenant = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID table = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID overlapping = UUID.randomUUID();
        UUID adjacent = UUID.randomUUID();
        inTenant(tenant, table(tenant, branch, table)
                .then(reservation(tenant, branch, first, "R7K2QA", EVENING, EVENING.plusHours(2)))
                .then(reservation(tenant, branch, overlapping, "M3X9PL", EVENING.plusHours(1), EVENING.plusHours(3)))
                .then(reservation(tenant, branch, adjacent, "B8D4TW", EVENING.plusHours(2), EVENING.plusHours(4)))
                .then(hold(tenant, first, table, EVENING, EVENING.plusHours(2))));

        // when / then
        assertThatThrownBy(() -> inTenant(tenant, hold(tenant, overlapping, table, EVENING.plusHours(1), EVENING.plusHours(3))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("reservation_tables_no_overlap");
        inTenant(tenant, hold(tenant, adjacent, table, EVENING.plusHours(2), EVENING.plusHours(4)));
        assertThat(inTenant(tenant, db.sql("select count(*) from reservation_tables where table_id = :table")
                .bind("table", table).map(row -> row.get(0, Long.class)).one())).isEqualTo(2L);
    }

    @Test
    void aBusinessSeesOnlyItsOwnReservationsAndCannotWriteAnotherOnes() {
        // given
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID alicesReservation = UUID.randomUUID();
        inTenant(alice, reservation(alice, branch, alicesReservation, "A1B2C3", EVENING, EVENING.plusHours(2)));

        // when
        long seenByAlice = inTenant(alice, countReservation(alicesReservation));
        long seenByBob = inTenant(bob, countReservation(alicesReservation));
        long seenWithoutTenant = countReservation(alicesReservation).block(WAIT);

        // then
        assertThat(seenByAlice).isEqualTo(1);
        assertThat(seenByBob).isZero();
        assertThat(seenWithoutTenant).isZero();
        assertThatThrownBy(() -> inTenant(bob, reservation(alice, branch, UUID.randomUUID(), "Z9Y8X7", EVENING,
                EVENING.plusHours(2))))
                .hasMessageContaining("row-level security");
        long updatedByBob = inTenant(bob, db.sql("update reservations set status = 'cancelled' where id = :id")
                .bind("id", alicesReservation).fetch().rowsUpdated());
        assertThat(updatedByBob).isZero();
    }

    private <T> T inTenant(UUID tenant, Mono<T> work) {
        return tenants.inTenant(tenant, () -> work).block(WAIT);
    }

    private Mono<Long> table(UUID tenant, UUID branch, UUID table) {
        return db.sql("""
                insert into dining_tables (id, tenant_id, branch_id, label, seats_min, seats_max)
                values (:id, :tenant, :branch, 'T1', 2, 4)
                """)
                .bind("id", table).bind("tenant", tenant).bind("branch", branch)
                .fetch().rowsUpdated();
    }

    private Mono<Long> reservation(UUID tenant, UUID branch, UUID id, String reference, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
        return db.sql("""
                insert into reservations (id, tenant_id, branch_id, reference, guest_name, party_size, starts_at, ends_at)
                values (:id, :tenant, :branch, :reference, 'Layla', 4, :startsAt, :endsAt)
                """)
                .bind("id", id).bind("tenant", tenant).bind("branch", branch).bind("reference", reference)
                .bind("startsAt", startsAt).bind("endsAt", endsAt)
                .fetch().rowsUpdated();
    }

    private Mono<Long> hold(UUID tenant, UUID reservation, UUID table, OffsetDateTime from, OffsetDateTime to) {
        return db.sql("""
                insert into reservation_tables (tenant_id, reservation_id, table_id, during)
                values (:tenant, :reservation, :table, tstzrange(:from, :to))
                """)
                .bind("tenant", tenant).bind("reservation", reservation).bind("table", table)
                .bind("from", from).bind("to", to)
                .fetch().rowsUpdated();
    }

    private Mono<Long> countReservation(UUID id) {
        return db.sql("select count(*) from reservations where id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one();
    }
}
