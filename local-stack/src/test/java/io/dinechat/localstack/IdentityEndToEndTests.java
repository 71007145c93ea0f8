package io.dinechat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.embedded.PostgresServer.ServiceDatabase;
import io.dinechat.localstack.whatsapp.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity and tenant isolation through the gateway, with every service as its own process:
 * sign-up and login, CSRF, roles, tenant A against every endpoint that holds tenant B's data
 * (found from each service's own mappings, so new endpoints are walked without editing this
 * test), row-level security for each runtime role, rate limiting, and Meta's webhook still
 * verifying behind all of it.
 */
class IdentityEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int TENANT_LIMIT = 400;
    /** Endpoints a walk must not call as a plain request: they end the walker's own session or need a second factor. */
    private static final Set<String> NOT_WALKED = Set.of("/api/identity/logout", "/api/identity/login",
            "/api/identity/signup", "/api/identity/csrf", "/api/identity/totp/setup", "/api/identity/totp/enable",
            "/api/identity/totp");

    static LocalStack stack;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/e2e-logs/identity"));
        stack = LocalStack.start(root, StackPorts.random(), EnumSet.allOf(Service.class), logs, Duration.ofSeconds(240),
                line -> System.out.println("[stack] " + line),
                Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,mappings",
                        "DINECHAT_RATE_LIMIT_API_PER_ADDRESS", "1000000",
                        "DINECHAT_RATE_LIMIT_API_PER_TENANT", String.valueOf(TENANT_LIMIT)));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            assertThat(stack.services().values()).noneMatch(ServiceProcess::alive);
        }
    }

    @Test
    void anOwnerSignsUpThenLogsOutAndBackIn() throws Exception {
        Tab tab = new Tab().open();
        String email = email("owner");

        HttpResponse<String> created = tab.post("/api/identity/signup", signUp("Le Petit Zinc", email));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("DINECHAT_SESSION=")
                && c.contains("HttpOnly") && c.contains("Secure") && c.contains("SameSite=Lax"));
        assertThat(json(tab.get("/api/identity/me")).path("businessName").asString()).isEqualTo("Le Petit Zinc");

        assertThat(tab.post("/api/identity/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(tab.get("/api/identity/me").statusCode()).isEqualTo(401);
        HttpResponse<String> again = tab.post("/api/identity/login", login(email, "a long enough password"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("role").asString()).isEqualTo("owner");
    }

    @Test
    void anUnsafeRequestWithoutTheCsrfHeaderIsRefused() throws Exception {
        Tab tab = new Tab().open();
        tab.sendCsrfHeader = false;

        HttpResponse<String> refused = tab.post("/api/identity/login", login(LocalStack.DEMO_OWNER_EMAIL,
                LocalStack.DEMO_OWNER_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json(refused).path("type").asString()).endsWith("/csrf");
    }

    @Test
    void staffAreDeniedWhatOnlyOwnersMayDo() throws Exception {
        Tab owner = signedUpOwner("staffing");
        String staffEmail = email("waiter");
        assertThat(owner.post("/api/identity/members", "{\"email\":\"" + staffEmail + "\",\"name\":\"Karim\",\"role\":\"staff\"}")
                .statusCode()).isEqualTo(201);
        String token = invitationToken(staffEmail);
        Tab staff = new Tab().open();
        assertThat(staff.post("/api/identity/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"staff password 42\"}").statusCode()).isEqualTo(204);
        assertThat(json(staff.post("/api/identity/login", login(staffEmail, "staff password 42"))).path("role").asString())
                .isEqualTo("staff");

        assertThat(staff.post("/api/identity/members", "{\"email\":\"" + email("x") + "\",\"name\":\"X\",\"role\":\"owner\"}")
                .statusCode()).isEqualTo(403);
        assertThat(staff.get("/api/billing/plan").statusCode()).isEqualTo(403);
        assertThat(owner.get("/api/identity/members").statusCode()).isEqualTo(200);
    }

    @Test
    void tenantACannotReadOrChangeAnyOfTenantBsResourcesOnAnyEndpoint() throws Exception {
        Tab b = new Tab().open();
        assertThat(b.post("/api/identity/login", login(LocalStack.DEMO_OWNER_EMAIL, LocalStack.DEMO_OWNER_PASSWORD))
                .statusCode()).isEqualTo(200);
        Tab a = signedUpOwner("intruder");
        String aTenant = json(a.get("/api/identity/me")).path("tenantId").asString();
        List<Endpoint> endpoints = apiEndpoints();
        assertThat(endpoints).as("endpoints found in the services' mappings").isNotEmpty();

        // B's resources: every id that B's own collection endpoints show, per endpoint.
        Map<String, Set<String>> bIdsBefore = new LinkedHashMap<>();
        Map<String, Set<String>> bIdsByService = new HashMap<>();
        Set<String> bIds = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            if (e.collection() && e.method().equals("GET")) {
                Set<String> ids = ids(b.get(e.pattern()).body());
                ids.remove(aTenant);
                bIdsBefore.put(e.pattern(), ids);
                bIdsByService.computeIfAbsent(e.service(), s -> new LinkedHashSet<>()).addAll(ids);
                bIds.addAll(ids);
            }
        }
        assertThat(bIds).as("the demo restaurant's ids seen through its owner's endpoints").isNotEmpty();

        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : endpoints) {
            if (e.collection()) {
                HttpResponse<String> answer = a.send(e.method(), e.pattern(),
                        e.method().equals("GET") ? null : "{\"tenantId\":\"" + LocalStack.DEMO_TENANT_ID + "\"}");
                calls++;
                Set<String> leaked = ids(answer.body());
                leaked.retainAll(bIds);
                if (!leaked.isEmpty()) {
                    leaks.add(e + " showed tenant B's " + leaked);
                }
                continue;
            }
            // The service's own ids first (the kind its paths take), then others, a dozen at most.
            Set<String> candidates = new LinkedHashSet<>(bIdsByService.getOrDefault(e.service(), Set.of()));
            candidates.addAll(bIds);
            for (String id : candidates.stream().limit(12).toList()) {
                String path = withVariables(e.pattern(), id);
                HttpResponse<String> answer = a.send(e.method(), path, e.method().equals("GET") ? null : "{}");
                calls++;
                if (answer.statusCode() / 100 == 2) {
                    leaks.add(e.method() + " " + path + " answered " + answer.statusCode() + " to tenant A");
                }
            }
        }
        for (var before : bIdsBefore.entrySet()) {
            Set<String> after = ids(b.get(before.getKey()).body());
            after.remove(aTenant);
            if (!after.containsAll(before.getValue())) {
                leaks.add("tenant B lost resources at " + before.getKey() + " after tenant A's walk");
            }
        }
        System.out.println("[isolation] walked " + endpoints.size() + " endpoints with " + calls
                + " calls as tenant A against " + bIds.size() + " of tenant B's ids");
        assertThat(leaks).isEmpty();
    }

    @Test
    void aRuntimeRoleSeesOnlyTheTenantItSet() throws Exception {
        Tab a = signedUpOwner("sql");
        String aTenant = json(a.get("/api/identity/me")).path("tenantId").asString();
        int tablesChecked = 0;

        for (Service service : Service.values()) {
            if (service.database() == null) {
                continue;
            }
            ServiceDatabase db = stack.database(service.database());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
                for (String table : tenantTables(c)) {
                    for (String tenant : List.of(aTenant, LocalStack.DEMO_TENANT_ID)) {
                        c.setAutoCommit(false);
                        c.createStatement().execute("select set_config('app.tenant_id', '" + tenant + "', true)");
                        try (ResultSet others = c.createStatement().executeQuery(
                                "select count(*) from " + table + " where tenant_id::text <> '" + tenant + "'")) {
                            others.next();
                            assertThat(others.getLong(1)).as(service.database() + "." + table + " seen as " + tenant).isZero();
                        }
                        c.commit();
                    }
                    c.setAutoCommit(true);
                    try (ResultSet none = c.createStatement().executeQuery("select count(*) from " + table)) {
                        none.next();
                        assertThat(none.getLong(1)).as(service.database() + "." + table + " without a tenant").isZero();
                    }
                    tablesChecked++;
                }
            }
        }
        // And the demo restaurant's menu, which exists, is visible only to its own tenant.
        ServiceDatabase order = stack.database("order");
        try (Connection c = DriverManager.getConnection(order.jdbcUrl(), order.appUser(), order.appPassword())) {
            assertThat(countItems(c, LocalStack.DEMO_TENANT_ID)).isPositive();
            assertThat(countItems(c, aTenant)).isZero();
        }
        System.out.println("[isolation] " + tablesChecked + " tenant tables checked as their runtime roles");
        assertThat(tablesChecked).isPositive();
    }

    @Test
    void aBusinessThatFloodsTheApiGets429WithRetryAfter() throws Exception {
        Tab tab = signedUpOwner("flood");
        HttpResponse<String> refused = null;

        for (int i = 0; i <= TENANT_LIMIT + 5 && refused == null; i++) {
            HttpResponse<String> answer = tab.get("/api/identity/me");
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }

        assertThat(refused).as("a 429 within " + (TENANT_LIMIT + 5) + " requests").isNotNull();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(json(refused).path("type").asString()).endsWith("/rate-limited");
        // Another business is not affected.
        assertThat(signedUpOwner("neighbour").get("/api/identity/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aMetaWebhookStillVerifiesThroughTheGateway() {
        String guest = "9665" + (10_000_000 + (long) (Math.random() * 89_999_999));

        WebhookDelivery delivery = stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Rania", "hello");

        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(stack.whatsApp().sendWithSignature("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
                .getBytes(), "sha256=" + "0".repeat(64))).isEqualTo(401);
    }

    // --- the walk ---

    /** One API operation: a collection has no path variable; the others take one of B's ids. */
    record Endpoint(String service, String method, String pattern) {
        boolean collection() {
            return !pattern.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + service + ")";
        }
    }

    /** Every /api/** operation the running services and the gateway declare, from their own mappings. */
    private static List<Endpoint> apiEndpoints() throws IOException, InterruptedException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Service service : Service.values()) {
            if (service == Service.WEBHOOK_INGEST) {
                continue;
            }
            HttpResponse<String> mappings = http.send(HttpRequest.newBuilder(stack.serviceUrl(service)
                    .resolve("/actuator/mappings")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(mappings.statusCode()).as(service.module() + " mappings").isEqualTo(200);
            for (JsonNode conditions : JSON.readTree(mappings.body()).findValues("requestMappingConditions")) {
                for (JsonNode pattern : conditions.path("patterns")) {
                    String p = pattern.asString();
                    if (!p.startsWith("/api/") || NOT_WALKED.contains(p) || p.endsWith("/stream")) {
                        continue;
                    }
                    List<String> methods = new ArrayList<>();
                    conditions.path("methods").forEach(m -> methods.add(m.asString()));
                    for (String method : methods.isEmpty() ? List.of("GET") : methods) {
                        endpoints.add(new Endpoint(service.module(), method, p));
                    }
                }
            }
        }
        System.out.println("[isolation] endpoints: " + endpoints);
        return endpoints;
    }

    private static Set<String> ids(String body) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = UUIDS.matcher(body == null ? "" : body);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static List<String> tenantTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relforcerowsecurity
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long countItems(Connection c, String tenant) throws SQLException {
        c.setAutoCommit(false);
        try {
            c.createStatement().execute("select set_config('app.tenant_id', '" + tenant + "', true)");
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from items")) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    // --- a browser tab ---

    /**
     * The dashboard in a browser, reduced to what matters here: its cookies, sent back on every
     * request (java.net's cookie manager would withhold the Secure ones over plain http, which a
     * browser does not do on localhost), and the CSRF header on unsafe requests.
     */
    static final class Tab {
        final Map<String, String> cookies = new HashMap<>();
        boolean sendCsrfHeader = true;

        Tab open() throws IOException, InterruptedException {
            get("/api/identity/csrf");
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return send("POST", path, body);
        }

        HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(15))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (sendCsrfHeader && !method.equals("GET") && cookies.containsKey("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    private static Tab signedUpOwner(String who) throws IOException, InterruptedException {
        Tab tab = new Tab().open();
        HttpResponse<String> created = tab.post("/api/identity/signup", signUp("Business of " + who, email(who)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return tab;
    }

    /** The invitation link, as the local stack's log-only mail adapter wrote it into the gateway's log. */
    private static String invitationToken(String email) throws IOException {
        Path log = stack.services().get(Service.GATEWAY).log();
        String masked = email.charAt(0) + "***" + email.substring(email.indexOf('@'));
        Matcher link = Pattern.compile(Pattern.quote("Mail to " + masked) + ".*accept-invitation\\?token=([A-Za-z0-9_-]+)")
                .matcher(Files.readString(log));
        String token = null;
        while (link.find()) {
            token = link.group(1);
        }
        assertThat(token).as("an invitation link in the gateway log").isNotNull();
        return token;
    }

    private static String signUp(String business, String email) {
        return """
                {"businessName":"%s","businessType":"restaurant","ownerName":"Owner","email":"%s",
                 "password":"a long enough password","timeZone":"Europe/Paris","defaultLanguage":"french","currency":"EUR"}
                """.formatted(business, email);
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Every {@code {name}} or {@code {name:regex}} (whose regex may hold braces itself) becomes {@code value}. */
    static String withVariables(String pattern, String value) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    path.append(value);
                }
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString();
    }
}
