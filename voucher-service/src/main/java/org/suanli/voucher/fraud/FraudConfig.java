package org.suanli.voucher.fraud;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code voucher.fraud.*}: what becomes of a contract a fraud signal was raised on, and the signals' windows. */
@ConfigMapping(prefix = "voucher.fraud")
public interface FraudConfig {

    /** REVIEW: the flagged claim waits for the program office and the finance bureau; FLAG: it is paid, the flag stays in its history. */
    enum OnSignal { REVIEW, FLAG }

    /**
     * {@code review} by default: a finance bureau pays public money on a suspicious claim only after a person has
     * looked, because money paid is hard to get back (a clawback returns it to the treasury, not to the program,
     * docs/FINANCE-VOUCHER.md) while a review costs days; {@code flag} is for a program that audits afterwards.
     */
    @WithDefault("review")
    OnSignal onSignal();

    /** How far back contracts between the same buyer and seller are added up (SPLIT_CONTRACTS). */
    @WithDefault("30")
    int splitWindowDays();

    /** How far back a contract in the other direction counts (ROUND_TRIP). */
    @WithDefault("90")
    int roundTripWindowDays();

    /** How far back the offering's own prices are compared (PRICE_RAISED_BEFORE_ORDER). */
    @WithDefault("30")
    int priceWindowDays();

    /** How far above its lowest price of the window an offering may be ordered, in basis points (1000 = 10 %). */
    @WithDefault("1000")
    int priceRiseBp();

    /** The terms of one contract: these windows and the lines its split is measured against. */
    default FraudTerms terms(java.util.List<Long> lineFen) {
        return new FraudTerms(splitWindowDays(), lineFen, roundTripWindowDays(), priceWindowDays(), priceRiseBp());
    }
}
