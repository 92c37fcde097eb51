package org.suanli.voucher.policy;

import java.time.LocalDate;

/**
 * A contract for the rule tests, in the domain's words. Unless a test says otherwise: HZ-2025's time
 * (2025-09-01), a non-SME enterprise buying 100,000.00 yuan of COMPUTE on a DOMESTIC facility from an
 * approved, unrelated partner, nothing declared or used before, budgets plenty, no 智能券.
 */
final class AContract {

    private LocalDate contractDate = LocalDate.of(2025, 9, 1);
    private BuyerType buyerType = BuyerType.ENTERPRISE;
    private boolean sme;
    private boolean foundationModel;
    private Long capOverrideFen;
    private Category category = Category.COMPUTE;
    private FacilityType facilityType = FacilityType.DOMESTIC;
    private boolean filedModel;
    private long amountFen = Yuan.fen("100000.00");
    private long declaredBeforeFen;
    private long suanliUsedBeforeFen;
    private Long suanliBudgetRemainingFen;
    private ZhinengMode zhinengMode = ZhinengMode.NONE;
    private Long zhinengBudgetRemainingFen;
    private boolean partnerApproved = true;
    private boolean relatedParty;

    static AContract aContract() {
        return new AContract();
    }

    AContract signedOn(String isoDate) {
        contractDate = LocalDate.parse(isoDate);
        return this;
    }

    AContract by(BuyerType type) {
        buyerType = type;
        return this;
    }

    AContract bySme() {
        sme = true;
        return this;
    }

    AContract byFoundationModelEnterprise() {
        foundationModel = true;
        return this;
    }

    AContract withCapOverride(String yuan) {
        capOverrideFen = Yuan.fen(yuan);
        return this;
    }

    AContract forCompute(FacilityType facility) {
        category = Category.COMPUTE;
        facilityType = facility;
        return this;
    }

    AContract forModelServiceOnFiledModel() {
        category = Category.MODEL_SERVICE;
        facilityType = null;
        filedModel = true;
        return this;
    }

    AContract forModelServiceOnUnfiledModel() {
        forModelServiceOnFiledModel();
        filedModel = false;
        return this;
    }

    AContract of(String yuan) {
        amountFen = Yuan.fen(yuan);
        return this;
    }

    AContract afterDeclaring(String yuan) {
        declaredBeforeFen = Yuan.fen(yuan);
        return this;
    }

    AContract afterUsing(String yuan) {
        suanliUsedBeforeFen = Yuan.fen(yuan);
        return this;
    }

    AContract withSuanliBudgetLeft(String yuan) {
        suanliBudgetRemainingFen = Yuan.fen(yuan);
        return this;
    }

    AContract asking(ZhinengMode mode) {
        zhinengMode = mode;
        return this;
    }

    AContract withZhinengBudgetLeft(String yuan) {
        zhinengBudgetRemainingFen = Yuan.fen(yuan);
        return this;
    }

    AContract fromUnapprovedPartner() {
        partnerApproved = false;
        return this;
    }

    AContract betweenRelatedParties() {
        relatedParty = true;
        return this;
    }

    SubsidyRequest request() {
        return new SubsidyRequest(contractDate, buyerType, sme, foundationModel, capOverrideFen, category,
                facilityType, filedModel, amountFen, declaredBeforeFen, suanliUsedBeforeFen, suanliBudgetRemainingFen,
                zhinengMode, zhinengBudgetRemainingFen, partnerApproved, relatedParty);
    }
}
