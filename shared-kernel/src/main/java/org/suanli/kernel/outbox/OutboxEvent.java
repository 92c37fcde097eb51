package org.suanli.kernel.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to leave (or already left) through Kafka. Written in the same transaction as the
 * state change it describes; {@code seq} gives the relay the commit order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(name = "event_version", nullable = false)
    public int version;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The whole envelope as JSON, exactly as it will be published. */
    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    @Column(name = "published_at")
    public Instant publishedAt;
}
