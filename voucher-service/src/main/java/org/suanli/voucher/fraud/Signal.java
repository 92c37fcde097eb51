package org.suanli.voucher.fraud;

import java.util.List;

/** A signal raised on one contract, with the evidence the program office needs to judge it. */
public record Signal(SignalCode code, String evidence, List<String> relatedOrders) {

    public Signal {
        relatedOrders = List.copyOf(relatedOrders);
    }
}
