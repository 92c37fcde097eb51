package org.suanli.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One transition of one order: from where to where, when, who (a user or a service) and why. Append-only. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {

    /**
     * The order and the entry's place in its life, assigned here so that entries are written in JDBC batches
     * (an id drawn by the database is one INSERT … RETURNING per entry). The table's {@code id} is still drawn
     * at insert, in insert order, for readers that follow the table as a whole; this code does not map it.
     */
    @EmbeddedId
    public Key key;

    @MapsId("orderId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    public Order order;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    public OrderState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    public OrderState to;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(updatable = false)
    public String reason;

    protected OrderHistoryEntry() {
    }

    OrderHistoryEntry(Order order, int seq, OrderState from, OrderState to, Instant at, String actor, String reason) {
        this.key = new Key(order.id, seq);
        this.order = order;
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
        this.reason = reason;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "order_id", updatable = false)
        public String orderId;

        /** 1 for PLACED, then one more for each transition (see {@link Order#historySize}). */
        @Column(name = "seq", updatable = false)
        public int seq;

        protected Key() {
        }

        Key(String orderId, int seq) {
            this.orderId = orderId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(orderId, k.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, seq);
        }
    }
}
