package org.suanli.voucher.budget;

/**
 * A buyer's program year as locked for a decision: 算力券 used against its cap (docs/POLICY.md rule 7) and the
 * COMPUTE amounts declared (rule 5). Deltas are written once per transaction; the table's CHECK refuses
 * anything beyond the cap.
 */
public final class EnterpriseYear {

    public final String buyerId;
    public final int year;
    public final long capFen;
    private long suanliHeldFen;
    private long suanliRedeemedFen;
    private long declaredFen;
    long heldDelta;
    long redeemedDelta;
    long declaredDelta;

    EnterpriseYear(String buyerId, int year, long capFen, long suanliHeldFen, long suanliRedeemedFen, long declaredFen) {
        this.buyerId = buyerId;
        this.year = year;
        this.capFen = capFen;
        this.suanliHeldFen = suanliHeldFen;
        this.suanliRedeemedFen = suanliRedeemedFen;
        this.declaredFen = declaredFen;
    }

    /** 算力券 already held or granted this year ("used before"). */
    public long suanliUsedFen() {
        return suanliHeldFen + suanliRedeemedFen;
    }

    public long declaredFen() {
        return declaredFen;
    }

    public void hold(long suanliFen, long declared) {
        suanliHeldFen += suanliFen;
        heldDelta += suanliFen;
        declare(declared);
    }

    public void redeem(long redeemed, long returned) {
        suanliHeldFen -= redeemed + returned;
        heldDelta -= redeemed + returned;
        suanliRedeemedFen += redeemed;
        redeemedDelta += redeemed;
    }

    public void release(long suanliFen) {
        suanliHeldFen -= suanliFen;
        heldDelta -= suanliFen;
    }

    /** Clawback: the 算力券 taken back no longer counts against the buyer's cap. */
    public void clawBack(long suanliFen) {
        if (suanliFen > suanliRedeemedFen) {
            throw new IllegalStateException(buyerId + " " + year + ": clawing back " + suanliFen + " fen exceeds the "
                    + suanliRedeemedFen + " redeemed");
        }
        suanliRedeemedFen -= suanliFen;
        redeemedDelta -= suanliFen;
    }

    /** Positive when a contract is declared, negative when it no longer counts or its amount is corrected. */
    public void declare(long delta) {
        declaredFen += delta;
        declaredDelta += delta;
    }

    boolean dirty() {
        return heldDelta != 0 || redeemedDelta != 0 || declaredDelta != 0;
    }
}
