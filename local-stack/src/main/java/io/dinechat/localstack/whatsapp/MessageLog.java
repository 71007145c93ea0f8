package io.dinechat.localstack.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every message the simulator has seen, in the order it saw them. HTTP handler threads write while
 * tests and the chat page read, so all access goes through one lock and reads return snapshots.
 * Waiting for a message uses a condition rather than polling, so tests need no sleeps.
 */
final class MessageLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ChatMessage> messages = new ArrayList<>();
    /** Guest webhook bodies by wamid, so the chat page can ask for a redelivery. */
    private final Map<String, byte[]> guestPayloads = new HashMap<>();
    /** The webhook endpoint's last answer per guest wamid; absent while in flight or when unreachable. */
    private final Map<String, Integer> webhookStatuses = new HashMap<>();
    /** Guest wamids the business marked as read. */
    private final Set<String> readByBusiness = new HashSet<>();

    void recordOutbound(OutboundMessage message) {
        append(message);
    }

    void recordGuest(GuestMessage message, byte[] payload) {
        lock.lock();
        try {
            guestPayloads.put(message.messageId(), payload.clone());
            append(message);
        } finally {
            lock.unlock();
        }
    }

    void recordWebhookStatus(String guestMessageId, int statusCode) {
        lock.lock();
        try {
            webhookStatuses.put(guestMessageId, statusCode);
        } finally {
            lock.unlock();
        }
    }

    void markReadByBusiness(String messageId) {
        lock.lock();
        try {
            readByBusiness.add(messageId);
        } finally {
            lock.unlock();
        }
    }

    List<OutboundMessage> outbound() {
        return snapshot(OutboundMessage.class, message -> true);
    }

    List<GuestMessage> guestMessages() {
        return snapshot(GuestMessage.class, message -> true);
    }

    List<ChatMessage> conversation(String phoneNumberId, String waId) {
        return snapshot(ChatMessage.class,
                message -> message.phoneNumberId().equals(phoneNumberId) && message.waId().equals(waId));
    }

    Optional<byte[]> guestPayload(String messageId) {
        lock.lock();
        try {
            return Optional.ofNullable(guestPayloads.get(messageId)).map(byte[]::clone);
        } finally {
            lock.unlock();
        }
    }

    OptionalInt webhookStatus(String guestMessageId) {
        lock.lock();
        try {
            Integer status = webhookStatuses.get(guestMessageId);
            return status == null ? OptionalInt.empty() : OptionalInt.of(status);
        } finally {
            lock.unlock();
        }
    }

    boolean isReadByBusiness(String messageId) {
        lock.lock();
        try {
            return readByBusiness.contains(messageId);
        } finally {
            lock.unlock();
        }
    }

    /** The first outbound message matching {@code condition}, waiting up to {@code timeout} for one to arrive. */
    Optional<OutboundMessage> awaitOutbound(Predicate<? super OutboundMessage> condition, Duration timeout) {
        long remainingNanos = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (ChatMessage message : messages) {
                    if (message instanceof OutboundMessage outbound && condition.test(outbound)) {
                        return Optional.of(outbound);
                    }
                }
                if (remainingNanos <= 0) {
                    return Optional.empty();
                }
                remainingNanos = changed.awaitNanos(remainingNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            messages.clear();
            guestPayloads.clear();
            webhookStatuses.clear();
            readByBusiness.clear();
        } finally {
            lock.unlock();
        }
    }

    private void append(ChatMessage message) {
        lock.lock();
        try {
            messages.add(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T extends ChatMessage> List<T> snapshot(Class<T> kind, Predicate<? super T> condition) {
        lock.lock();
        try {
            return messages.stream().filter(kind::isInstance).map(kind::cast).filter(condition).toList();
        } finally {
            lock.unlock();
        }
    }
}
