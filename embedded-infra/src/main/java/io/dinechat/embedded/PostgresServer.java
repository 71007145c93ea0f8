package io.dinechat.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL for tests and the local stack: the real server binaries started by zonky (works as
 * root), or a server the caller already runs, given by an admin JDBC URL. Each service gets its
 * own database with two roles, an owner that Flyway migrates as and a runtime role that is not
 * the owner, so row-level security applies to it exactly as in production.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminJdbcUrl;
    private final String host;
    private final int port;
    private final Map<String, ServiceDatabase> databases = new ConcurrentHashMap<>();

    private PostgresServer(EmbeddedPostgres embedded, String adminJdbcUrl, String host, int port) {
        this.embedded = embedded;
        this.adminJdbcUrl = adminJdbcUrl;
        this.host = host;
        this.port = port;
    }

    /** @param port 0 for any free port */
    public static PostgresServer startEmbedded(int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "localhost", pg.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Uses a running server. @param adminJdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres},
     * a role allowed to create databases and roles
     */
    public static PostgresServer external(String adminJdbcUrl) {
        URI uri = URI.create(adminJdbcUrl.substring("jdbc:".length()));
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new PostgresServer(null, adminJdbcUrl, uri.getHost(), port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Creates (once) the database and roles of a service; names derive from {@code service}, e.g. "conversation". */
    public ServiceDatabase database(String service) {
        return databases.computeIfAbsent(service, this::create);
    }

    private ServiceDatabase create(String service) {
        String name = "dinechat_" + service.replace('-', '_');
        String owner = service.replace('-', '_') + "_owner";
        String app = service.replace('-', '_') + "_app";
        try (Connection c = DriverManager.getConnection(adminJdbcUrl); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + owner + "') then "
                    + "create role " + owner + " login password '" + owner + "'; end if; end $$");
            // The runtime role: no superuser, no BYPASSRLS, owns nothing.
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + app + "') then "
                    + "create role " + app + " login password '" + app + "' nosuperuser nobypassrls nocreatedb nocreaterole; end if; end $$");
            boolean exists;
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database " + name + " owner " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database of " + service + ": " + e.getMessage(), e);
        }
        return new ServiceDatabase(host, port, name, owner, owner, app, app);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Where a service's database is and the two roles that use it. */
    public record ServiceDatabase(String host, int port, String name, String ownerUser, String ownerPassword,
            String appUser, String appPassword) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** The environment variables the services read (see each service's application.yml). */
        public Map<String, String> environment() {
            return Map.of("DINECHAT_DB_HOST", host, "DINECHAT_DB_PORT", String.valueOf(port), "DINECHAT_DB_NAME", name,
                    "DINECHAT_DB_OWNER_USER", ownerUser, "DINECHAT_DB_OWNER_PASSWORD", ownerPassword,
                    "DINECHAT_DB_APP_USER", appUser, "DINECHAT_DB_APP_PASSWORD", appPassword);
        }
    }
}
