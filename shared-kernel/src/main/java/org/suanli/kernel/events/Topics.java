package org.suanli.kernel.events;

/** Logical topic names, one per aggregate family (DESIGN.md). Deployments may prefix them (tests do). */
public final class Topics {
    public static final String CATALOG = "catalog.offerings";
    public static final String ORDERS = "orders";
    public static final String VOUCHERS = "vouchers";
    public static final String SETTLEMENTS = "settlements";

    private Topics() {
    }
}
