package org.suanli.settlement.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the finance dashboard draws for one program year. Money as yuan strings; a null budget means
 * voucher-service could not be asked and no earlier answer is cached ({@code budgetSource} says which).
 */
public record DashboardView(int year, LocalDate today, Instant generatedAt, String budgetSource, Instant budgetAsOf,
                            List<ProgramView> programs, LedgerSummary ledger, List<Slice> byFacilityType,
                            List<Slice> byCategory, List<Slice> byPartner, List<Slice> byDistrict,
                            List<BuyerSlice> topBuyers, Payments payments, ReconciliationStatus reconciliation) {

    /** What the ledger owes for the year's orders, how much of it batches have paid, and what is still open. */
    public record Payments(List<Owed> byPartner, List<Owed> byProgram) {
    }

    /** {@code open} = owed − paid; negative when clawbacks leave the partner owing money back. */
    public record Owed(String key, String owed, String paid, String open) {
    }

    /** The year's reconciliation in a line ("clean, with 2 acknowledged differences"); null figures if unavailable. */
    public record ReconciliationStatus(String status, Boolean clean, Integer matched, Integer differences,
                                       Integer acknowledged) {
    }

    public record ProgramView(String program, String budget, String held, String redeemed, String remaining,
                              String ledgerSubsidy, List<PointView> series, ForecastView forecast) {
    }

    public record PointView(LocalDate day, String held, String redeemed, String remaining) {
    }

    /** The date the budget runs out at the current burn rate (null: nothing burns, or budget unknown). */
    public record ForecastView(String dailyBurn, LocalDate exhaustionDate, boolean exhausted, boolean outlastsYear,
                               int windowDays) {
    }

    public record Slice(String key, String suanli, String zhineng, String total, long orders) {
    }

    public record BuyerSlice(String buyerId, String subsidy, String suanli, String zhineng, String contractAmount,
                             long orders) {
    }

    public record LedgerSummary(long orders, String contractAmount, String buyerPaid, String suanli, String zhineng,
                                String partnerOwed) {
    }
}
