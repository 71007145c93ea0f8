package io.dinechat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where everything listens. {@link #fixed()} gives the documented local ports (gateway 8080,
 * services 8081-8086, WhatsApp simulator 8090, Stripe simulator 8091) with PostgreSQL and MongoDB on unusual ports so a developer's
 * own servers never clash (Kafka takes a free port, printed at startup); {@link #random()} is for
 * tests running side by side.
 */
record StackPorts(Map<Service, Integer> services, int simulator, int postgres, int mongo, int stripeSimulator) {

    static StackPorts fixed() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        ports.put(Service.GATEWAY, 8080);
        ports.put(Service.WEBHOOK_INGEST, 8081);
        ports.put(Service.CONVERSATION, 8082);
        ports.put(Service.RESERVATION, 8083);
        ports.put(Service.ORDER, 8084);
        ports.put(Service.ARCHIVE, 8085);
        ports.put(Service.BILLING, 8086);
        return new StackPorts(ports, 8090, 15432, 37017, 8091);
    }

    static StackPorts random() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new StackPorts(ports, freePort(), freePort(), freePort(), freePort());
    }

    int of(Service service) {
        return services.get(service);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
