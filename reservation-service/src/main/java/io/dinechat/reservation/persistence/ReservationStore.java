package io.dinechat.reservation.persistence;

import io.dinechat.reservation.domain.ArrivingParty;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.domain.TableHold;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reservations and the tables they hold. Call inside a tenant transaction: row-level security scopes every query. */
@Repository
public class ReservationStore {

    private static final String COLUMNS = """
            id, tenant_id, branch_id, reference, guest_name, guest_phone, party_size, starts_at, ends_at, status,
            special_requests, conversation_key, language, provider, provider_reservation_id, time_zone, created_at
            """;

    private final DatabaseClient db;

    public ReservationStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Reservation r, String idempotencyKey) {
        var spec = db.sql("""
                insert into reservations (id, tenant_id, branch_id, reference, guest_name, guest_phone, party_size,
                    starts_at, ends_at, status, special_requests, conversation_key, idempotency_key, language, provider,
                    provider_reservation_id, time_zone, created_at)
                values (:id, :tenant, :branch, :reference, :guestName, :guestPhone, :partySize, :startsAt, :endsAt, :status,
                    :specialRequests, :conversationKey, :idempotencyKey, :language, :provider, :providerId, :timeZone, :createdAt)
                """)
                .bind("id", r.id()).bind("tenant", r.tenantId()).bind("branch", r.branchId())
                .bind("reference", r.reference()).bind("guestName", r.guestName()).bind("partySize", r.partySize())
                .bind("startsAt", utc(r.startsAt())).bind("endsAt", utc(r.endsAt())).bind("status", r.status())
                .bind("createdAt", utc(r.createdAt()));
        spec = nullable(spec, "guestPhone", r.guestPhone());
        spec = nullable(spec, "specialRequests", r.specialRequests());
        spec = nullable(spec, "conversationKey", r.conversationKey());
        spec = nullable(spec, "idempotencyKey", idempotencyKey);
        spec = nullable(spec, "language", r.language());
        spec = nullable(spec, "provider", r.provider());
        spec = nullable(spec, "providerId", r.providerReservationId());
        spec = nullable(spec, "timeZone", r.timeZone());
        return spec.fetch().rowsUpdated().then();
    }

    public Mono<Void> hold(UUID tenantId, UUID reservationId, List<UUID> tableIds, Instant from, Instant to) {
        return Flux.fromIterable(tableIds)
                .concatMap(table -> db.sql("""
                        insert into reservation_tables (tenant_id, reservation_id, table_id, during)
                        values (:tenant, :reservation, :table, tstzrange(:from, :to))
                        """)
                        .bind("tenant", tenantId).bind("reservation", reservationId).bind("table", table)
                        .bind("from", utc(from)).bind("to", utc(to))
                        .fetch().rowsUpdated())
                .then();
    }

    public Mono<Void> release(UUID reservationId) {
        return db.sql("delete from reservation_tables where reservation_id = :id").bind("id", reservationId)
                .fetch().rowsUpdated().then();
    }

    /** Tables taken in a branch over a period, except by {@code except} (the booking being changed). */
    public Mono<List<TableHold>> holds(UUID branchId, Instant from, Instant to, UUID except) {
        return db.sql("""
                select rt.reservation_id, rt.table_id, lower(rt.during) as held_from, upper(rt.during) as held_to
                from reservation_tables rt join reservations r on r.id = rt.reservation_id
                where r.branch_id = :branch and rt.during && tstzrange(:from, :to) and rt.reservation_id <> :except
                """)
                .bind("branch", branchId).bind("from", utc(from)).bind("to", utc(to))
                .bind("except", except == null ? new UUID(0, 0) : except)
                .map(row -> new TableHold(row.get("reservation_id", UUID.class), row.get("table_id", UUID.class),
                        row.get("held_from", OffsetDateTime.class).toInstant(),
                        row.get("held_to", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    /** Parties arriving in a branch over a period (covers), except {@code except}. */
    public Mono<List<ArrivingParty>> arrivals(UUID branchId, Instant from, Instant to, UUID except) {
        return db.sql("""
                select id, starts_at, party_size from reservations
                where branch_id = :branch and starts_at >= :from and starts_at < :to and status in ('pending', 'confirmed', 'seated')
                  and id <> :except
                """)
                .bind("branch", branchId).bind("from", utc(from)).bind("to", utc(to))
                .bind("except", except == null ? new UUID(0, 0) : except)
                .map(row -> new ArrivingParty(row.get("id", UUID.class), row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("party_size", Integer.class)))
                .all().collectList();
    }

    public Mono<Reservation> byReference(String reference) {
        return db.sql("select " + COLUMNS + " from reservations where upper(reference) = upper(:reference)")
                .bind("reference", reference).map(ReservationStore::toReservation).one();
    }

    public Mono<Reservation> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from reservations where id = :id").bind("id", id)
                .map(ReservationStore::toReservation).one();
    }

    public Mono<Reservation> byIdempotencyKey(String key) {
        return db.sql("select " + COLUMNS + " from reservations where idempotency_key = :key").bind("key", key)
                .map(ReservationStore::toReservation).one();
    }

    public Flux<Reservation> upcomingOf(String guestPhone, Instant now) {
        return db.sql("select " + COLUMNS + """
                 from reservations where guest_phone = :phone and starts_at >= :now and status in ('pending', 'confirmed')
                order by starts_at limit 10
                """)
                .bind("phone", guestPhone).bind("now", utc(now)).map(ReservationStore::toReservation).all();
    }

    public Flux<Reservation> between(UUID branchId, Instant from, Instant to) {
        var spec = db.sql("select " + COLUMNS + " from reservations where starts_at >= :from and starts_at < :to"
                + (branchId == null ? "" : " and branch_id = :branch") + " order by starts_at, reference")
                .bind("from", utc(from)).bind("to", utc(to));
        return (branchId == null ? spec : spec.bind("branch", branchId)).map(ReservationStore::toReservation).all();
    }

    public Mono<List<String>> tableLabels(UUID reservationId) {
        return db.sql("""
                select t.label from reservation_tables rt join dining_tables t on t.id = rt.table_id
                where rt.reservation_id = :id order by t.label
                """).bind("id", reservationId).map(row -> row.get("label", String.class)).all().collectList();
    }

    public Mono<Void> reschedule(UUID id, Instant startsAt, Instant endsAt, int partySize, String specialRequests,
            String status) {
        var spec = db.sql("""
                update reservations set starts_at = :startsAt, ends_at = :endsAt, party_size = :partySize,
                    special_requests = :specialRequests, status = :status, updated_at = now()
                where id = :id
                """)
                .bind("id", id).bind("startsAt", utc(startsAt)).bind("endsAt", utc(endsAt)).bind("partySize", partySize)
                .bind("status", status);
        return nullable(spec, "specialRequests", specialRequests).fetch().rowsUpdated().then();
    }

    public Mono<Void> setStatus(UUID id, String status, String cancelledBy, String reason) {
        var spec = db.sql("""
                update reservations set status = :status, cancelled_by = :cancelledBy, cancel_reason = :reason, updated_at = now()
                where id = :id
                """).bind("id", id).bind("status", status);
        spec = nullable(spec, "cancelledBy", cancelledBy);
        return nullable(spec, "reason", reason).fetch().rowsUpdated().then();
    }

    /** Active bookings of a conversation starting within [from, to]. */
    public Flux<Reservation> activeStartingBetween(Instant from, Instant to) {
        return db.sql("select " + COLUMNS + """
                 from reservations where starts_at >= :from and starts_at <= :to and status in ('pending', 'confirmed')
                  and conversation_key is not null order by starts_at
                """).bind("from", utc(from)).bind("to", utc(to)).map(ReservationStore::toReservation).all();
    }

    /** @return true when this offset's reminder was not yet recorded (and now is) */
    public Mono<Boolean> markReminded(UUID tenantId, UUID reservationId, int offsetMinutes) {
        return db.sql("""
                insert into reservation_reminders (tenant_id, reservation_id, offset_minutes) values (:tenant, :id, :offset)
                on conflict do nothing
                """).bind("tenant", tenantId).bind("id", reservationId).bind("offset", offsetMinutes)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Long> purgeEndedBefore(Instant cutoff) {
        return db.sql("delete from reservations where ends_at < :cutoff").bind("cutoff", utc(cutoff))
                .fetch().rowsUpdated();
    }

    static Reservation toReservation(Readable row) {
        return new Reservation(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                row.get("branch_id", UUID.class), row.get("reference", String.class), row.get("guest_name", String.class),
                row.get("guest_phone", String.class), row.get("party_size", Integer.class),
                row.get("starts_at", OffsetDateTime.class).toInstant(), row.get("ends_at", OffsetDateTime.class).toInstant(),
                row.get("status", String.class), row.get("special_requests", String.class),
                row.get("conversation_key", String.class), row.get("language", String.class),
                row.get("provider", String.class), row.get("provider_reservation_id", String.class),
                row.get("time_zone", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
