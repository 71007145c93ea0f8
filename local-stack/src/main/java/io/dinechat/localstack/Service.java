package io.dinechat.localstack;

/** The services the stack runs, each from its module's executable jar, with the database it owns if any. */
enum Service {
    WEBHOOK_INGEST("webhook-ingest", null),
    CONVERSATION("conversation-service", "conversation"),
    RESERVATION("reservation-service", "reservation"),
    ORDER("order-service", "order"),
    ARCHIVE("archive-service", null),
    BILLING("billing-service", "billing"),
    GATEWAY("gateway", "gateway");

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    String module() {
        return module;
    }

    /** The name its database and roles derive from, or null for a service without PostgreSQL. */
    String database() {
        return database;
    }

    /** The gateway environment variable that tells it where this service listens. */
    String urlVariable() {
        return "DINECHAT_" + module.replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_URL";
    }
}
