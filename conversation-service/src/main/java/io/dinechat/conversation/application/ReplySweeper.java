package io.dinechat.conversation.application;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Retries replies left queued by a failed send or a crash between queueing and sending. */
@Component
class ReplySweeper {

    private static final Logger log = LoggerFactory.getLogger(ReplySweeper.class);

    private final DatabaseClient db;
    private final ReplyDispatcher dispatcher;

    ReplySweeper(DatabaseClient db, ReplyDispatcher dispatcher) {
        this.db = db;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${dinechat.conversation.replies.sweep-interval:5s}", initialDelayString = "5s")
    void sweep() {
        try {
            // A scheduler thread, not a request: waiting here keeps sweeps from overlapping.
            Flux<UUID> tenants = db.sql("select t from tenants_with_queued_replies() t")
                    .map(row -> row.get("t", UUID.class)).all();
            tenants.concatMap(dispatcher::dispatch).then().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Reply sweep failed, next one will retry: {}", e.toString());
        }
    }
}
