package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.Channel;
import io.dinechat.platform.crypto.CredentialCipher;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** WhatsApp numbers connected by businesses, with their Graph API access tokens encrypted per business. */
@Repository
public class Channels {

    private final DatabaseClient db;
    private final CredentialCipher cipher;

    public Channels(DatabaseClient db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Which business a number belongs to; usable before any tenant is known. */
    public Mono<Channel> resolve(String phoneNumberId) {
        return db.sql("select tenant_id, branch_id from resolve_channel(:pnid)")
                .bind("pnid", phoneNumberId)
                .map(row -> new Channel(phoneNumberId, row.get("tenant_id", UUID.class), row.get("branch_id", UUID.class)))
                .one();
    }

    /** Connects (or reconnects) a number; runs inside the business's tenant transaction. */
    public Mono<Void> connect(UUID tenantId, String phoneNumberId, String displayPhoneNumber, UUID branchId,
            String accessToken) {
        var upsert = db.sql("""
                insert into whatsapp_channels (phone_number_id, tenant_id, branch_id, display_phone_number, access_token_encrypted)
                values (:pnid, :tenant, :branch, :display, :token)
                on conflict (phone_number_id) do update
                   set branch_id = excluded.branch_id, display_phone_number = excluded.display_phone_number,
                       access_token_encrypted = excluded.access_token_encrypted, updated_at = now()
                """)
                .bind("pnid", phoneNumberId)
                .bind("tenant", tenantId)
                .bind("display", displayPhoneNumber)
                .bind("token", cipher.encrypt(tenantId, accessToken));
        upsert = branchId == null ? upsert.bindNull("branch", UUID.class) : upsert.bind("branch", branchId);
        return upsert.fetch().rowsUpdated().then();
    }

    /** The decrypted access token, for the Graph API call about to be made; inside the tenant transaction. */
    public Mono<String> accessToken(UUID tenantId, String phoneNumberId) {
        return db.sql("select access_token_encrypted from whatsapp_channels where phone_number_id = :pnid")
                .bind("pnid", phoneNumberId)
                .map(row -> row.get("access_token_encrypted", String.class))
                .one()
                .map(sealed -> cipher.decrypt(tenantId, sealed));
    }

    /**
     * What sending through a number needs: its decrypted token and whether it is shared with the
     * WhatsApp Business App (coexistence, lower throughput); inside the tenant transaction.
     */
    public Mono<SendingChannel> sendingChannel(UUID tenantId, String phoneNumberId) {
        return db.sql("select access_token_encrypted, coexistence from whatsapp_channels where phone_number_id = :pnid")
                .bind("pnid", phoneNumberId)
                .map(row -> new SendingChannel(cipher.decrypt(tenantId, row.get("access_token_encrypted", String.class)),
                        Boolean.TRUE.equals(row.get("coexistence", Boolean.class))))
                .one();
    }

    /** Staff answer from the Business App on this number (an echo or an app-state sync arrived): coexistence. */
    public Mono<Void> markCoexistence(UUID tenantId, String phoneNumberId, boolean coexistence) {
        return db.sql("update whatsapp_channels set coexistence = :coexistence, updated_at = now() where phone_number_id = :pnid and coexistence <> :coexistence")
                .bind("coexistence", coexistence).bind("pnid", phoneNumberId)
                .fetch().rowsUpdated().then();
    }

    /** @param accessToken decrypted, for the call about to be made; never logged */
    public record SendingChannel(String accessToken, boolean coexistence) {
        @Override
        public String toString() {
            return "SendingChannel[coexistence=" + coexistence + "]";
        }
    }

    public Mono<Void> recordUnrouted(String phoneNumberId, String eventId) {
        return db.sql("insert into unrouted_messages (phone_number_id, event_id) values (:pnid, :id) on conflict do nothing")
                .bind("pnid", phoneNumberId).bind("id", eventId)
                .fetch().rowsUpdated().then();
    }
}
