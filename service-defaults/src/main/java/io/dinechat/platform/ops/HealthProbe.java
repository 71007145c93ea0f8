package io.dinechat.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * A container health check for images that carry no shell and no curl: GETs one URL and exits 0
 * on a 2xx answer, 1 on anything else (another status, a refused connection, a timeout). Only the
 * JDK is used, so it starts in a fraction of a second from the service's own classpath:
 *
 * <pre>/opt/java/bin/java -cp @/app/jib-classpath-file io.dinechat.platform.ops.HealthProbe \
 *     http://localhost:8082/actuator/health/readiness [timeout-ms]</pre>
 */
public final class HealthProbe {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: HealthProbe <url> [timeout-ms]");
            return 2;
        }
        URI url;
        Duration timeout;
        try {
            url = URI.create(args[0]);
            timeout = args.length == 2 ? Duration.ofMillis(Long.parseLong(args[1])) : DEFAULT_TIMEOUT;
        } catch (IllegalArgumentException unreadable) {
            err.println("usage: HealthProbe <url> [timeout-ms]: " + unreadable.getMessage());
            return 2;
        }
        return check(url, timeout, out, err) ? 0 : 1;
    }

    /** True when the URL answers 2xx within the timeout; redirects count as unhealthy. */
    static boolean check(URI url, Duration timeout, PrintStream out, PrintStream err) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            drain(connection);
            if (status >= 200 && status < 300) {
                out.println(url + " " + status);
                return true;
            }
            err.println(url + " " + status);
            return false;
        } catch (IOException | IllegalArgumentException | ClassCastException unreachable) {
            err.println(url + " unreachable: " + unreachable);
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
                : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        } catch (IOException ignored) {
            // the status decided already
        }
    }
}
