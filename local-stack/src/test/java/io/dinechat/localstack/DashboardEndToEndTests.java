package io.dinechat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (Debian's Chromium, driven by playwright-core from the dashboard
 * module's own node_modules) against the whole stack, started once: sign up and onboard a business,
 * set up a menu item, then as the demo restaurant's owner see a WhatsApp order arrive on the board
 * and move it to completed, see a WhatsApp booking appear live, take over the conversation and reply.
 * The script is {@code dashboard/e2e/dashboard.e2e.mjs}; its screenshots land in
 * {@code dashboard/target/screenshots/}.
 */
class DashboardEndToEndTests {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static LocalStack stack;
    static Path root;

    @BeforeAll
    static void startStack() throws Exception {
        // CI installs Chromium (apt-get install chromium); elsewhere a missing browser skips, saying why.
        assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI")),
                "Chromium not found at " + CHROMIUM + ": apt-get install -y chromium (or set CHROMIUM) to run the dashboard end to end");
        root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/e2e-logs"));
        stack = LocalStack.start(root, StackPorts.random(), EnumSet.allOf(Service.class), logs,
                Duration.ofSeconds(Long.getLong("dinechat.e2e.ready-seconds", 240)),
                line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            assertThat(stack.services().values()).noneMatch(ServiceProcess::alive);
        }
    }

    @Test
    void ownersAndStaffRunTheRestaurantFromTheDashboard() throws Exception {
        Path dashboard = root.resolve("dashboard");
        assertThat(dashboard.resolve("node_modules/playwright-core")).as("dashboard built (npm ci)").isDirectory();
        // Output through this JVM's System.out (not inheritIO), so the ok/FAIL lines land in the test's own log.
        ProcessBuilder node = new ProcessBuilder("node", "e2e/dashboard.e2e.mjs").directory(dashboard.toFile())
                .redirectErrorStream(true);
        node.environment().put("DASHBOARD_URL", stack.gatewayUrl().toString());
        node.environment().put("SIMULATOR_URL", stack.whatsApp().baseUrl().toString().replaceAll("/+$", ""));
        node.environment().put("SCREENSHOT_DIR", dashboard.resolve("target/screenshots").toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        node.environment().put("DEMO_EMAIL", LocalStack.DEMO_OWNER_EMAIL);
        node.environment().put("DEMO_PASSWORD", LocalStack.DEMO_OWNER_PASSWORD);
        node.environment().put("DEMO_PHONE_NUMBER_ID", LocalStack.DEMO_PHONE_NUMBER_ID);
        Process run = node.start();
        Thread echo = Thread.ofVirtual().start(() -> {
            try (var lines = run.inputReader(StandardCharsets.UTF_8).lines()) {
                lines.forEach(line -> System.out.println("[browser] " + line));
            } catch (UncheckedIOException closed) {
                // the run was stopped
            }
        });
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        echo.join(Duration.ofSeconds(5));
        assertThat(finished).as("the browser run finished within 10 minutes").isTrue();
        assertThat(run.exitValue()).as("every dashboard step passed (see the ok/FAIL lines above)").isZero();
    }
}
