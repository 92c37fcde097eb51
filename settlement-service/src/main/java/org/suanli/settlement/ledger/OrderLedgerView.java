package org.suanli.settlement.ledger;

import java.util.List;

/** Everything the ledger holds on one order, and what its entries add up to now. */
public record OrderLedgerView(String orderId, String buyerPays, String suanli, String zhineng, String partnerOwed,
                              List<EntryView> entries) {
}
