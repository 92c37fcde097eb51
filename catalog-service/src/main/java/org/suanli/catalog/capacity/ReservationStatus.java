package org.suanli.catalog.capacity;

/** An order's claim on an offering: RESERVED until released (cancel, reject, expiry) or consumed (delivery); REFUSED never held anything. */
public enum ReservationStatus {
    RESERVED, REFUSED, RELEASED, CONSUMED
}
