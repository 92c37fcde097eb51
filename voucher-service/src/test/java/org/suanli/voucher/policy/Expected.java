package org.suanli.voucher.policy;

import java.util.List;

/** Expected decisions written in yuan, as worked out by hand in the tests' comments. */
final class Expected {

    private Expected() {
    }

    static SubsidyDecision decision(String policy,
                                    int suanliRateBp, String suanliComputedYuan, String suanliGrantedYuan,
                                    int zhinengRateBp, String zhinengComputedYuan, String zhinengGrantedYuan,
                                    String buyerPaysYuan, ReasonCode... reasons) {
        return new SubsidyDecision(policy,
                suanliRateBp, Yuan.fen(suanliComputedYuan), Yuan.fen(suanliGrantedYuan),
                zhinengRateBp, Yuan.fen(zhinengComputedYuan), Yuan.fen(zhinengGrantedYuan),
                Yuan.fen(buyerPaysYuan), new java.util.TreeSet<>(List.of(reasons)));
    }

    /** Only 算力券, granted in full. */
    static SubsidyDecision suanliOnly(String policy, int rateBp, String grantedYuan, String buyerPaysYuan,
                                      ReasonCode... reasons) {
        return decision(policy, rateBp, grantedYuan, grantedYuan, 0, "0.00", "0.00", buyerPaysYuan, reasons);
    }

    /** Neither program pays. */
    static SubsidyDecision nothing(String policy, String buyerPaysYuan, ReasonCode... reasons) {
        return decision(policy, 0, "0.00", "0.00", 0, "0.00", "0.00", buyerPaysYuan, reasons);
    }
}
