package io.dinechat.archive.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * archive-service settings; each has a safe local default and an environment variable in
 * application.yml.
 *
 * @param writeConcern MongoDB write concern of archive writes whose acknowledgement lets order-service delete
 *                     ({@code majority} in production, {@code acknowledged} on a single local node)
 * @param writeTimeout how long a majority write may wait for the replica set before failing (and retrying)
 */
@ConfigurationProperties("dinechat.archive")
public record ArchiveProperties(
        @DefaultValue("acknowledged") String writeConcern,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue Rollup rollup,
        @DefaultValue Retention retention,
        @DefaultValue Privacy privacy) {

    /**
     * @param cron          when the roll-up checks which businesses have a local night behind them
     * @param localHour     the business-local hour after which yesterday is rolled up
     * @param lookbackDays  days re-rolled each night: orders are archived a day after completion, so the
     *                      previous days still receive late orders
     * @param chunkDays     days read per pass during a backfill, which bounds memory
     */
    public record Rollup(@DefaultValue("true") boolean enabled, @DefaultValue("0 15 * * * *") String cron,
            @DefaultValue("3") int localHour, @DefaultValue("3") int lookbackDays,
            @DefaultValue("31") int chunkDays) {
    }

    /**
     * @param identifiedFor how long analytics keep guests' phone numbers and names (then de-identified)
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 4 * * *") String cron,
            @DefaultValue("365d") Duration identifiedFor) {
    }

    /**
     * @param pseudonymKey HMAC key that turns an erased guest's phone number into the id under which the
     *                     erasure is remembered (so orders archived later are anonymised too) without
     *                     keeping the number itself
     */
    public record Privacy(@DefaultValue("") String pseudonymKey) {
    }
}
