package org.suanli.voucher.fraud;

/**
 * The figures the signals look with. Money in fen, rates in basis points.
 *
 * @param splitWindowDays    how far back contracts between the same parties are added up
 * @param lineFen            the lines a split keeps each contract under: the SME line (500,000 CNY, docs/POLICY.md
 *                           rule 5) and the enterprise cap (rule 7)
 * @param roundTripWindowDays how far back a contract in the other direction counts
 * @param priceWindowDays    how far back the offering's own prices are compared
 * @param priceRiseBp        how much above its lowest recent price an offering may be before it is a signal
 */
public record FraudTerms(int splitWindowDays, java.util.List<Long> lineFen, int roundTripWindowDays, int priceWindowDays, int priceRiseBp) {

    /** 30 days; the 500,000.00 SME line and the 8,000,000.00 cap; 90 days; 30 days; 10 %. */
    public static final FraudTerms HANGZHOU = new FraudTerms(30, java.util.List.of(50_000_000L, 800_000_000L), 90, 30, 1_000);
}
