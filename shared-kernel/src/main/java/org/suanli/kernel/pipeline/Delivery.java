package org.suanli.kernel.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * One record as the pipeline sees it, with where it first arrived: for a record replayed from the
 * dead-letter topic that is its original topic, partition and offset (from the parking headers).
 */
public record Delivery(String topic, int partition, long offset, String key, String value) {

    static Delivery of(ConsumerRecord<String, String> record) {
        return new Delivery(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    /** A record read back from a dead-letter topic, placed where it first came from. */
    static Delivery parked(ConsumerRecord<String, String> record) {
        return new Delivery(
                header(record, DeadLetters.ORIGINAL_TOPIC, record.topic()),
                Integer.parseInt(header(record, DeadLetters.ORIGINAL_PARTITION, "-1")),
                Long.parseLong(header(record, DeadLetters.ORIGINAL_OFFSET, "-1")),
                record.key(), record.value());
    }

    static String header(ConsumerRecord<String, String> record, String name, String otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null ? otherwise : new String(h.value(), StandardCharsets.UTF_8);
    }

    String where() {
        return topic + "/" + partition + "@" + offset;
    }
}
