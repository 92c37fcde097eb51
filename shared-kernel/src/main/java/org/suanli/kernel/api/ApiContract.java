package org.suanli.kernel.api;

import java.util.Map;
import java.util.Set;

/**
 * The marketplace's API conventions, stated once for the OpenAPI documents of every service ({@link ContractFilter})
 * and for the resources' annotations.
 */
public final class ApiContract {

    private ApiContract() {
    }

    /** A yuan figure as requests send it: what {@code Money.parseYuan} accepts (≤ 10^11 yuan, ≤ 2 decimals, no sign). */
    public static final String YUAN_IN = "^(0|[1-9]\\d{0,11})(\\.\\d{1,2})?$";
    /** A yuan figure as answers carry it: always two decimals; differences and corrections may be negative. */
    public static final String YUAN_OUT = "^-?(0|[1-9]\\d*)\\.\\d{2}$";
    /** GPU-hours as {@code GpuHours.parse} accepts them (≤ 999999999.9, ≤ 1 decimal). */
    public static final String HOURS_IN = "^(0|[1-9]\\d{0,8})(\\.\\d)?$";
    /** GPU-hours as answers carry them: always one decimal. */
    public static final String HOURS_OUT = "^-?(0|[1-9]\\d*)\\.\\d$";

    /** Property names that are money (yuan strings) wherever they appear: the naming convention of every form and view. */
    public static final Set<String> MONEY = Set.of("actualAmount", "amount", "balance", "budget", "buyerPaid", "buyerPays",
            "cap", "capOverride", "capRemaining", "contractAmount", "credits", "dailyBurn", "debits", "declared", "estimate",
            "estimatedAmount", "held", "ledgerSuanli", "ledgerSubsidy", "ledgerZhineng", "netUnitPrice", "partnerOwed",
            "redeemed", "remaining", "subsidy", "suanli", "suanliComputed", "suanliGranted", "suanliHeld", "suanliRedeemed",
            "total", "totalCredits", "totalDebits", "unitPrice", "voucherSuanli", "voucherZhineng", "zhineng",
            "zhinengComputed", "zhinengGranted", "zhinengHeld", "zhinengRedeemed");
    /** Property names that are GPU-hours (decimal strings, tenths inside). */
    public static final Set<String> HOURS = Set.of("capacity", "capacityConsumed", "capacityLeft", "capacityReserved",
            "gpuHours", "gpuHoursUsed", "hours");

    /** Example values by property name, so every request and answer in the documents has a plausible example. */
    public static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("partnerId", "ptn-hz-ascend"), Map.entry("buyerId", "ent-xihu-ai"),
            Map.entry("orderId", "ord-7f3c2a9e"), Map.entry("offeringId", "off-3b9d6c1a"),
            Map.entry("facilityId", "fac-yuhang-ascend"), Map.entry("name", "杭州城西昇腾智算有限公司"),
            Map.entry("partnerName", "杭州城西昇腾智算有限公司"), Map.entry("facilityName", "余杭昇腾智算中心"),
            Map.entry("creditCode", "91330110MA2H4K7Q6F"), Map.entry("partnerCreditCode", "91330110MA2H4K7Q6F"),
            Map.entry("district", "余杭区"), Map.entry("acceleratorModel", "Ascend 910B"), Map.entry("model", "Ascend 910B"),
            Map.entry("filingNumber", "Zhejiang-QiantangZhisuan-20240618"), Map.entry("invoiceNumber", "33012600000123"),
            Map.entry("paymentReference", "BOC-20261201-0001"), Map.entry("reason", "site visit 2026-11-20: PUE measured"),
            Map.entry("note", "海光 DCU, 信创"), Map.entry("code", "HZ-2026"), Map.entry("policy", "HZ-2025"),
            Map.entry("policyCode", "HZ-2025"), Map.entry("period", "2026-11"), Map.entry("ref", "off-1"),
            Map.entry("actor", "admin1"), Map.entry("rate", "0.30"), Map.entry("suanliRate", "0.30"),
            Map.entry("zhinengRate", "0.00"), Map.entry("account", "2100:partner-payable:ptn-hz-ascend"));

    /** Marks an operation whose answer carries an ETag ({@code @Extension(name = ETAG, value = "true")}). */
    public static final String ETAG = "x-etag";
    /** Marks a write that honours If-Match (412 on a stale one). */
    public static final String IF_MATCH = "x-if-match";
    /**
     * Marks a create that answers 201 ({@code value = "location"}: with a Location header naming what it made; with an
     * Idempotency-Key a retry answers 200). The generator cannot see the status a method builds into its Response.
     */
    public static final String CREATED = "x-created";
    /**
     * The refusals an operation can answer beyond the ones its shape implies, as space-separated statuses, e.g.
     * {@code "409 422"}: 409 a conflict with the current state, 422 a rule of the programme, 404 on a path without an
     * id, 502/503 a service it needs, 429 a rate limit, 302 a browser page's login. Only the code knows them; {@link ContractFilter}
     * documents them (errors with the problem schema).
     */
    public static final String REFUSES = "x-refuses";
}
