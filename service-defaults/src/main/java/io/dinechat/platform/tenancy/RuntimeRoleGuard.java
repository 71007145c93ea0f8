package io.dinechat.platform.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Refuses to start a service whose runtime database role could escape row-level security: a
 * superuser, a role with BYPASSRLS, the owner of the tables (owners skip policies unless they are
 * forced), or a tenant table without forced row-level security. Runs after Flyway has migrated.
 */
public class RuntimeRoleGuard implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGuard.class);

    private final DatabaseClient db;
    private final Set<String> sharedTables;

    /** @param sharedTables tables with a tenant column that are deliberately not tenant-scoped (the outbox) */
    public RuntimeRoleGuard(DatabaseClient db, Set<String> sharedTables) {
        this.db = db;
        this.sharedTables = sharedTables;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Startup, not a request path: blocking here is what makes a bad role fail fast.
        verify().block(Duration.ofSeconds(30));
    }

    /** Before any other runner (seeders, republishers) can write with a role that escapes isolation. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public reactor.core.publisher.Mono<Void> verify() {
        var role = db.sql("select current_user as name, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user")
                .map(row -> new Role(row.get("name", String.class), Boolean.TRUE.equals(row.get("rolsuper", Boolean.class)),
                        Boolean.TRUE.equals(row.get("rolbypassrls", Boolean.class))))
                .one();
        var owned = db.sql("select tablename from pg_tables where schemaname = current_schema() and tableowner = current_user")
                .map(row -> row.get("tablename", String.class)).all().collectList();
        var unguarded = db.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r'
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                  and not (c.relrowsecurity and c.relforcerowsecurity)
                """).map(row -> row.get("relname", String.class)).all()
                .filter(table -> !sharedTables.contains(table)).collectList();
        return reactor.core.publisher.Mono.zip(role, owned, unguarded).flatMap(t -> {
            Role r = t.getT1();
            List<String> problems = new java.util.ArrayList<>();
            if (r.superuser()) {
                problems.add("role " + r.name() + " is a superuser");
            }
            if (r.bypassRls()) {
                problems.add("role " + r.name() + " has BYPASSRLS");
            }
            if (!t.getT2().isEmpty()) {
                problems.add("role " + r.name() + " owns tables " + t.getT2());
            }
            if (!t.getT3().isEmpty()) {
                problems.add("tables with tenant_id lack FORCE ROW LEVEL SECURITY: " + t.getT3());
            }
            if (!problems.isEmpty()) {
                return reactor.core.publisher.Mono.error(new IllegalStateException(
                        "Refusing to run: tenant isolation is not enforced by the database (" + String.join("; ", problems)
                                + "). Run as a role that does not own the tables (see docs/architecture.md)."));
            }
            log.info("Runtime database role {} is subject to row-level security", r.name());
            return reactor.core.publisher.Mono.<Void>empty();
        });
    }

    private record Role(String name, boolean superuser, boolean bypassRls) {
    }
}
