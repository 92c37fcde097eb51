package org.suanli.voucher.hold;

import org.suanli.kernel.money.Money;
import org.suanli.kernel.money.Rates;
import org.suanli.voucher.fraud.SignalView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hold as the API shows it. {@code fraudSignals}: the signals raised when it was decided, for officials only;
 * null wherever a buyer or a partner may read the hold (a signal is a reason to look, not for the parties to see).
 */
public record HoldView(String orderId, String buyerId, int programYear, LocalDate contractDate, String policy,
                       String category, String facilityType, String estimatedAmount, String suanliRate,
                       String zhinengRate, String suanliHeld, String zhinengHeld, String actualAmount,
                       String suanliRedeemed, String zhinengRedeemed, String status, List<String> reasons,
                       Instant redeemedAt, String suanliRecovered, String zhinengRecovered, String origin,
                       List<SignalView> fraudSignals) {

    public static HoldView of(SubsidyHold h) {
        return of(h, null);
    }

    public static HoldView of(SubsidyHold h, List<SignalView> fraudSignals) {
        return new HoldView(h.orderId, h.buyerId, h.programYear, h.contractDate, h.policyCode, h.category.name(),
                h.facilityType == null ? null : h.facilityType.name(), Money.format(h.estimatedAmountFen),
                Rates.format(h.suanliRateBp), Rates.format(h.zhinengRateBp), Money.format(h.suanliHeldFen),
                Money.format(h.zhinengHeldFen), h.actualAmountFen == null ? null : Money.format(h.actualAmountFen),
                Money.format(h.suanliRedeemedFen), Money.format(h.zhinengRedeemedFen), h.status.name(), h.reasonList(),
                h.redeemedAt, Money.format(h.suanliRecoveredFen), Money.format(h.zhinengRecoveredFen), h.origin.name(),
                fraudSignals);
    }
}
