package org.suanli.voucher.whatif;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

/**
 * One contract as its hold recorded it, with what the live figures made of it: the input of a replay.
 *
 * @param amountFen      the contract amount: the delivered amount once redeemed, the estimate while held
 * @param liveSuanliFen  算力券 it has now: redeemed, or held while not yet delivered
 * @param liveZhinengFen 智能券 likewise
 * @param liveReasons    the reasons its live decision gave
 * @param district       the compute centre's district, {@code null} when the hold did not record it
 */
public record RecordedContract(String orderId, String buyerId, LocalDate contractDate, Category category,
                               FacilityType facilityType, boolean filedModel, String partnerId, boolean partnerApproved,
                               boolean relatedParty, String district, ZhinengMode zhinengMode, long amountFen,
                               String livePolicy, int liveSuanliRateBp, long liveSuanliFen, long liveZhinengFen,
                               Set<String> liveReasons) {

    public RecordedContract {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(contractDate, "contractDate");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(zhinengMode, "zhinengMode");
        liveReasons = Set.copyOf(liveReasons);
    }

    public int programYear() {
        return contractDate.getYear();
    }

    public long liveTotalFen() {
        return liveSuanliFen + liveZhinengFen;
    }

    /**
     * The facts a hold does not keep in a column of its own, read back from the reasons its decision gave:
     * a seller is taken as approved, unrelated and a model as filed unless the decision said otherwise. Under
     * no policy (NO_POLICY) the bars were never asked, so nothing is known against them either.
     */
    public static RecordedContract fromHold(String orderId, String buyerId, LocalDate contractDate, Category category,
                                            FacilityType facilityType, String partnerId, String district,
                                            ZhinengMode zhinengMode, long amountFen, String livePolicy,
                                            int liveSuanliRateBp, long liveSuanliFen, long liveZhinengFen,
                                            String reasonsJoined) {
        Set<String> reasons = reasonsJoined == null || reasonsJoined.isEmpty() ? Set.of() : Set.of(reasonsJoined.split(";"));
        return new RecordedContract(orderId, buyerId, contractDate, category, facilityType,
                !reasons.contains("MODEL_NOT_FILED"), partnerId, !reasons.contains("PARTNER_NOT_APPROVED"),
                reasons.contains("RELATED_PARTY"), district, zhinengMode, amountFen, livePolicy, liveSuanliRateBp,
                liveSuanliFen, liveZhinengFen, reasons);
    }
}
