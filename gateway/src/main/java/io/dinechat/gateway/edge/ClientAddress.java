package io.dinechat.gateway.edge;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser's (or Meta's) address: the TCP peer, or, behind a load balancer that the operator
 * declares trusted ({@code DINECHAT_GATEWAY_TRUST_FORWARDED_FOR=true}), the last address it
 * appended to X-Forwarded-For. Never the first one: a client can write anything there.
 */
public final class ClientAddress {

    public static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTRIBUTE);
        return known != null ? known : peer(exchange);
    }

    static String resolve(ServerWebExchange exchange, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 45) {
                    return last;
                }
            }
        }
        return peer(exchange);
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
