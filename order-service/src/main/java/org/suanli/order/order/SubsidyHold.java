package org.suanli.order.order;

import java.util.List;

/** What voucher-service decided and held for the order on its estimate (SubsidyHeld): possibly zero, with reasons. */
public record SubsidyHold(int programYear, String policyCode, int suanliRateBp, int zhinengRateBp,
                          long suanliHeldFen, long zhinengHeldFen, List<String> reasons) {

    public SubsidyHold {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public long totalFen() {
        return suanliHeldFen + zhinengHeldFen;
    }
}
