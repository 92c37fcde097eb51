package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.CATEGORY_NOT_COVERED;
import static org.suanli.voucher.policy.ReasonCode.INELIGIBLE_BUYER;
import static org.suanli.voucher.policy.ReasonCode.MODEL_NOT_FILED;

import java.util.List;
import java.util.Optional;

import org.suanli.voucher.policy.PolicyParameters.SuanliTerms;

/**
 * Whether a contract can earn 算力券 at all under the version in force (docs/POLICY.md rules 2 and 3).
 * Every failing rule is reported, so a refused buyer learns all that stands in the way at once.
 */
@FunctionalInterface
interface SuanliEligibility {

    Optional<ReasonCode> refusal(SubsidyRequest contract, SuanliTerms terms);

    /** HZ-2025 pays enterprises only (用户企业); universities and institutes are served by 智能券. */
    SuanliEligibility onlyEligibleBuyerTypes = (contract, terms) ->
            terms.eligibleBuyerTypes().contains(contract.buyerType()) ? Optional.empty() : Optional.of(INELIGIBLE_BUYER);

    /** HZ-2023 was meant for SMEs only (重点支持中小企业). */
    SuanliEligibility onlySmesWhereTheVersionSaysSo = (contract, terms) ->
            terms.smeOnly() && !contract.sme() ? Optional.of(INELIGIBLE_BUYER) : Optional.empty();

    /** HZ-2023 covers buying compute only; HZ-2025 adds model services. */
    SuanliEligibility onlyCoveredCategories = (contract, terms) ->
            terms.covers(contract.category()) ? Optional.empty() : Optional.of(CATEGORY_NOT_COVERED);

    /** Model services earn 算力券 only on a large model with a national filing (经备案的大模型). */
    SuanliEligibility modelServicesNeedAFiledModel = (contract, terms) ->
            terms.filedModelRequiredFor().contains(contract.category()) && !contract.filedModel()
                    ? Optional.of(MODEL_NOT_FILED) : Optional.empty();

    static List<SuanliEligibility> all() {
        return List.of(onlyEligibleBuyerTypes, onlySmesWhereTheVersionSaysSo, onlyCoveredCategories,
                modelServicesNeedAFiledModel);
    }
}
