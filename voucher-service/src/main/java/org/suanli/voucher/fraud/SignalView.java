package org.suanli.voucher.fraud;

import java.time.Instant;
import java.util.List;

/** A signal as the program office reads it beside a hold or a claim: what is suspected, the evidence, the orders it points to. */
public record SignalView(SignalCode code, String evidence, List<String> relatedOrders, Instant raisedAt) {

    public static SignalView of(FraudWatch.Raised r) {
        return new SignalView(r.signal().code(), r.signal().evidence(), r.signal().relatedOrders(), r.at());
    }

    public static List<SignalView> of(List<FraudWatch.Raised> raised) {
        return raised == null ? List.of() : raised.stream().map(SignalView::of).toList();
    }
}
