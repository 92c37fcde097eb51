package org.suanli.order.order;

/** One step of an order's life, as it is written into its history. */
public record Transition(OrderState from, OrderState to, String reason) {
}
