package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.application.ReservationDesk;
import io.dinechat.reservation.domain.ReservationCommand;
import io.dinechat.reservation.domain.ReservationCommand.Common;
import io.dinechat.reservation.domain.ReservationCommand.Create;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.FloorStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Fifty guests, fifty conversations, one table left, all at once: the database's exclusion
 * constraint lets exactly one booking through; every other guest is told it is full.
 */
class LastTableRaceTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int GUESTS = 50;

    @Autowired
    private ReservationDesk desk;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private CatalogReadModel catalog;
    @Autowired
    private FloorStore floor;
    @Autowired
    private DatabaseClient db;

    @Test
    void fiftyConcurrentAttemptsAtTheLastTableYieldExactlyOneBooking() throws Exception {
        // given: two tables, one already taken at 20:00
        CLOCK.set(Instant.parse("2026-12-10T10:00:00Z"));
        UUID tenant = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        Floor.openRestaurant(catalog, tenants, tenant, branch, "Europe/Rome", 1, "[]");
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        Floor.table(floor, tenants, tenant, branch, "T2", 2, 4, false, null);
        desk.handle(create(tenant, "390000000000")).block(WAIT);

        // when: fifty guests ask for the other one at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(GUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        long began;
        try {
            for (int i = 0; i < GUESTS; i++) {
                String phone = "3900000001" + String.format("%02d", i);
                attempts.add(pool.submit(() -> {
                    start.await();
                    return desk.handle(create(tenant, phone)).block(WAIT);
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;

        // then
        long booked = count(tenant, "select count(*) from reservations where status = 'confirmed'");
        long tablesHeld = count(tenant, "select count(*) from reservation_tables");
        long answered = count(tenant, "select count(*) from reservation_commands");
        long fullyBooked = count(tenant, """
                select count(*) from reservation_commands
                where reply_type = 'io.dinechat.reservation.rejected' and convert_from(reply, 'UTF8') like '%FULLY_BOOKED%'
                """);
        System.out.printf("last-table race: %d concurrent attempts -> %d booked, %d told fully booked, in %d ms%n",
                GUESTS, booked - 1, fullyBooked, millis);
        assertThat(booked).isEqualTo(2); // the earlier booking and exactly one winner
        assertThat(tablesHeld).isEqualTo(2);
        assertThat(answered).isEqualTo(GUESTS + 1);
        assertThat(fullyBooked).isEqualTo(GUESTS - 1);
    }

    private long count(UUID tenant, String sql) {
        return tenants.inTenant(tenant, () -> db.sql(sql).map(row -> row.get(0, Long.class)).one()).block(WAIT);
    }

    private static ReservationCommand create(UUID tenant, String phone) {
        return new Create(new Common(UUID.randomUUID(), tenant, "2000:" + phone, phone, null, "english"),
                LocalDateTime.of(2026, 12, 18, 20, 0), 2, "Guest " + phone, null);
    }
}
