package org.suanli.settlement.dossier;

import org.suanli.settlement.client.VoucherApi;
import org.suanli.settlement.ledger.EntryView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The claim dossier (兑付材料) of one order: the documents its subsidy claim stands on, gathered from the four
 * services. Money as yuan strings. Its canonical JSON (keys sorted, no spaces, UTF-8) is what the content hash is
 * taken over, so nothing here may depend on who asks or when (no "generated at").
 */
public record Dossier(String orderId, Contract contract, Decision decision, List<VoucherApi.Movement> budgetMovements,
                      Delivery delivery, Settlement settlement, Reviews reviews, List<AuditLine> auditTrail) {

    /** Who contracted with whom for what, at what price and when. */
    public record Contract(Party buyer, Party seller, Offering offering, String gpuHours, String unitPrice,
                           String estimate, Instant windowStart, Instant windowEnd, LocalDate contractDate,
                           Instant placedAt, String state, String endReason) {
    }

    public record Party(String id, String name, String creditCode) {
    }

    /** The offering as it stood on the contract, and its fixed description from the catalog (null if withdrawn). */
    public record Offering(String id, String facilityId, String facilityName, String district, String facilityType,
                           String category, String acceleratorModel, String filingNumber, Integer acceleratorsPerUnit,
                           Integer memoryGb, String fp16Tflops) {
    }

    /** The policy engine's decision (policy version, rates, reasons) and what voucher-service held and redeemed. */
    public record Decision(String policyVersion, Integer programYear, String suanliRate, String zhinengRate,
                           String suanliHeld, String zhinengHeld, List<String> reasons, String zhinengMode,
                           String voucherStatus, String suanliRedeemed, String zhinengRedeemed) {
    }

    /** The partner's delivery report (GPU-hours, invoice number) and the amounts the order completed with. */
    public record Delivery(String gpuHoursUsed, String invoiceNumber, String actualAmount, Instant deliveredAt,
                           String buyerPays, String suanli, String zhineng, String partnerOwed, Instant completedAt) {
    }

    /** The ledger's entries for the order and the batches they are settled in, with their payment. */
    public record Settlement(String partnerOwed, String suanli, String zhineng, List<EntryView> entries,
                             List<Batch> batches) {
    }

    public record Batch(long id, String period, String status, String total, Instant closedAt, String closedBy,
                        Instant approvedAt, String approvedBy, Instant paidAt, String paidBy, String paymentReference) {
    }

    /**
     * Reviews and approvals of the claim: voucher-service's audit entries whose action is a review or an approval.
     * {@code source} says where they come from; until voucher-service records reviews, the list is empty.
     */
    public record Reviews(String source, List<VoucherApi.AuditEntry> items) {
    }

    /** One line of the audit trail, whichever service kept it. */
    public record AuditLine(Instant at, String service, String actor, String action, String detail) {
    }
}
