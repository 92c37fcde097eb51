package org.suanli.order.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The contract's life (POLICY.md "The contract's life"):
 * <pre>
 * PLACED ──(capacity reserved + subsidy held)──▶ CONFIRMED ──(delivery)──▶ DELIVERED ──(subsidy redeemed)──▶ COMPLETED
 *   │  └─(capacity refused / confirmation deadline)──▶ REJECTED
 *   └────────────┬─(buyer cancels before delivery)──▶ CANCELLED
 *                └ CONFIRMED ──(window passed undelivered)──▶ EXPIRED
 * </pre>
 * REJECTED, CANCELLED, EXPIRED and COMPLETED are final.
 */
public enum OrderState {
    PLACED, CONFIRMED, REJECTED, CANCELLED, EXPIRED, DELIVERED, COMPLETED;

    public Set<OrderState> next() {
        return switch (this) {
            case PLACED -> EnumSet.of(CONFIRMED, REJECTED, CANCELLED);
            case CONFIRMED -> EnumSet.of(DELIVERED, CANCELLED, EXPIRED);
            case DELIVERED -> EnumSet.of(COMPLETED);
            case REJECTED, CANCELLED, EXPIRED, COMPLETED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The order will never complete: whatever was reserved or held for it must be given back. */
    public boolean isEndedWithoutDelivery() {
        return this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
