package io.dinechat.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dinechat up}: runs the whole platform locally until Ctrl-C.
 */
public final class DineChatLocal {

    private DineChatLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("dinechat.repo.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve(".dinechat").resolve("logs");
        long t0 = System.nanoTime();
        say("Starting DineChat locally (logs in " + root.relativize(logs) + ")");
        LocalStack stack;
        try {
            stack = LocalStack.startAll(root, StackPorts.fixed(), logs, line -> say("  " + line));
        } catch (RuntimeException e) {
            say("Could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping DineChat...");
            stack.close();
            say("Stopped; no process left behind.");
            stopped.countDown();
        }, "dinechat-stop"));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        say("");
        say("DineChat is up in " + seconds + " s.");
        say("  Guest chat (WhatsApp simulator):  " + stack.whatsApp().baseUrl() + "/");
        say("  Gateway (Meta/Stripe webhooks, API): " + stack.gatewayUrl());
        say("  WhatsApp webhook:                 " + stack.gatewayUrl() + "/webhooks/whatsapp (verify token "
                + stack.verifyToken() + ")");
        say("  Demo restaurant:                  " + LocalStack.DEMO_NAME + " on " + LocalStack.DEMO_DISPLAY_NUMBER);
        say("  Dashboard sign-in:                " + LocalStack.DEMO_OWNER_EMAIL + " / " + LocalStack.DEMO_OWNER_PASSWORD
                + " (reset links appear in .dinechat/logs/gateway.log)");
        say("  Stripe simulator (no account):    " + stack.stripe().baseUrl() + "/ (checkout from the dashboard's billing page)");
        say("  Kafka:                            " + stack.kafkaBootstrapServers());
        stack.services().forEach((service, process) ->
                say("  " + pad(service.module()) + process.baseUrl() + "/actuator/health"));
        say("Open the guest chat and say hello, or ask for the menu or opening hours. Ctrl-C stops everything.");
        stopped.await();
    }

    private static String pad(String name) {
        return (name + ":" + " ".repeat(34)).substring(0, 34);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
