package org.suanli.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One transition of one order: from where to where, when, who (a user or a service) and why. Append-only. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    OrderHistoryEntry(Order order, OrderState from, OrderState to, Instant at, String actor, String reason) {
        this.order = order;
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
        this.reason = reason;
    }
}
