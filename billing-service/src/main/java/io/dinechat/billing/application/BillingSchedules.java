package io.dinechat.billing.application;

import io.dinechat.billing.config.BillingProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs the grace-period check and the retention purge on their intervals while the service runs. */
@Component
public class BillingSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BillingSchedules.class);

    private final GracePeriods grace;
    private final BillingRetention retention;
    private final BillingProperties properties;
    private final Clock clock;
    private volatile Disposable running;

    public BillingSchedules(GracePeriods grace, BillingRetention retention, BillingProperties properties, Clock clock) {
        this.grace = grace;
        this.retention = retention;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        Disposable graceLoop = every(properties.graceCheckInterval(), "grace-period check",
                () -> grace.closeEnded(clock.instant()));
        Disposable purgeLoop = every(properties.retentionCheckInterval(), "billing record retention",
                () -> retention.purge(clock.instant()));
        running = reactor.core.Disposables.composite(graceLoop, purgeLoop);
    }

    private static Disposable every(Duration interval, String what, Supplier<Mono<Long>> pass) {
        return Flux.interval(interval, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> pass.get()
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("{}: {} done", what, count);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("{} failed, will retry: {}", what, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
