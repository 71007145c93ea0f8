package io.dinechat.platform.events;

import io.dinechat.platform.events.CloudEventHeaders.EventAttributes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record: its CloudEvents attributes, key and JSON body. */
public record ReceivedEvent(EventAttributes attributes, String key, byte[] json) {

    public static ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("record without a body at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset());
        }
        return new ReceivedEvent(CloudEventHeaders.read(record.headers()), record.key(), record.value());
    }

    public String id() {
        return attributes.id();
    }

    public String type() {
        return attributes.type();
    }
}
