package org.suanli.order.order;

import org.suanli.kernel.units.GpuHours;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.suanli.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as the API shows it: money as yuan strings, GPU-hours as decimal strings. */
public record OrderView(String id, OrderState state, String buyerId, OfferingView offering, String gpuHours,
                        String unitPrice, String estimate, Instant windowStart, Instant windowEnd,
                        ZhinengMode zhinengMode, LocalDate contractDate, Instant placedAt, String capacity,
                        SubsidyView subsidy, String buyerPays, DeliveryView delivery, CompletionView completion,
                        String endReason, Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryView> history) {

    /** The offering as it stood when the order was placed; {@code partnerCreditCode} is the seller's on the contract. */
    public record OfferingView(String id, String partnerId, String partnerName, String partnerCreditCode,
                               String facilityId, String facilityName,
                               String district, String facilityType, String category, String acceleratorModel,
                               String filingNumber) {
    }

    /** The subsidy decided on the estimate and held; figures null while PENDING. */
    public record SubsidyView(String status, Integer programYear, String policy, String suanliRate, String zhinengRate,
                              String suanliHeld, String zhinengHeld, List<String> reasons) {
    }

    public record DeliveryView(String gpuHoursUsed, String invoiceNumber, String actualAmount, Instant deliveredAt) {
    }

    /** The final amounts booked by settlement. */
    public record CompletionView(String actualAmount, String suanli, String zhineng, String buyerPays,
                                 String partnerOwed, Instant completedAt) {
    }

    public record HistoryView(OrderState from, OrderState to, Instant at, String actor, String reason) {
    }

    public static OrderView of(Order o, boolean withHistory) {
        boolean decided = o.subsidyStatus != Order.SubsidyStatus.PENDING;
        return new OrderView(o.id, o.state, o.buyerId,
                new OfferingView(o.offeringId, o.partnerId, o.partnerName, o.partnerCreditCode, o.facilityId, o.facilityName, o.district,
                        o.facilityType, o.category, o.acceleratorModel, o.filingNumber),
                GpuHours.format(o.gpuHoursTenths), Money.format(o.unitPriceFen), Money.format(o.estimatedAmountFen),
                o.windowStart, o.windowEnd, o.zhinengMode, o.contractDate, o.placedAt, o.capacityStatus.name(),
                new SubsidyView(o.subsidyState().name(), o.programYear, o.policyCode,
                        decided ? rate(o.suanliRateBp) : null, decided ? rate(o.zhinengRateBp) : null,
                        decided ? yuan(o.suanliHeldFen) : null, decided ? yuan(o.zhinengHeldFen) : null,
                        o.subsidyReasonList()),
                yuan(o.buyerPaysFen()),
                o.usedTenths == null ? null : new DeliveryView(GpuHours.format(o.usedTenths), o.invoiceNumber,
                        yuan(o.actualAmountFen), o.deliveredAt),
                o.completedAt == null ? null : new CompletionView(yuan(o.actualAmountFen), yuan(o.suanliFen),
                        yuan(o.zhinengFen), yuan(o.buyerPaysFen), yuan(o.partnerOwedFen), o.completedAt),
                o.endReason, o.updatedAt,
                withHistory ? o.history.stream().map(h -> new HistoryView(h.from, h.to, h.at, h.actor, h.reason)).toList() : null);
    }

    private static String yuan(Long fen) {
        return fen == null ? null : Money.format(fen);
    }

    /** 3000 bp → "0.30", 1250 bp → "0.125". */
    static String rate(Integer bp) {
        if (bp == null) {
            return null;
        }
        BigDecimal r = BigDecimal.valueOf(bp, 4).stripTrailingZeros();
        return r.setScale(Math.max(2, r.scale())).toPlainString();
    }
}
