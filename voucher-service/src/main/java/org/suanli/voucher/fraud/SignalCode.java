package org.suanli.voucher.fraud;

/** What a fraud signal suspects. A signal is a reason to look, never a finding. */
public enum SignalCode {
    /** Contracts between the same buyer and seller, each below a line, that together cross it. */
    SPLIT_CONTRACTS,
    /** A buys from B and B buys from A: money going round in a circle. */
    ROUND_TRIP,
    /** The offering's price went up shortly before a subsidised order: the voucher pays for the rise. */
    PRICE_RAISED_BEFORE_ORDER,
    /** Buyer and seller share a legal representative, an address or a contact, and are not recorded as related. */
    SHARED_PARTICULARS
}
