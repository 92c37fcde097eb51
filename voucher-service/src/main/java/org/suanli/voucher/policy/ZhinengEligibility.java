package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.ZHINENG_NOT_APPLICABLE;

import java.util.List;
import java.util.Optional;

/**
 * Whether 智能券, when asked for, applies to a contract (docs/POLICY.md rules 2 and 6). Each rule has the
 * same answer, ZHINENG_NOT_APPLICABLE; the contract keeps its 算力券 as if 智能券 had not been asked.
 */
@FunctionalInterface
interface ZhinengEligibility {

    Optional<ReasonCode> refusal(SubsidyRequest contract, PolicyParameters terms);

    /** HZ-2023 has no 智能券 program. */
    ZhinengEligibility onlyWhereTheVersionRunsIt = (contract, terms) ->
            terms.zhinengProgram().isPresent() ? Optional.empty() : Optional.of(ZHINENG_NOT_APPLICABLE);

    /** 智能券 is for buying compute (采购智能算力服务), not model services. */
    ZhinengEligibility onlyCoveredCategories = (contract, terms) -> terms.zhinengProgram()
            .filter(zhineng -> !zhineng.covers(contract.category()))
            .map(zhineng -> ZHINENG_NOT_APPLICABLE);

    /** Enterprises, universities and research institutes (企业、高校、科研机构). */
    ZhinengEligibility onlyEligibleBuyerTypes = (contract, terms) -> terms.zhinengProgram()
            .filter(zhineng -> !zhineng.eligibleBuyerTypes().contains(contract.buyerType()))
            .map(zhineng -> ZHINENG_NOT_APPLICABLE);

    static List<ZhinengEligibility> all() {
        return List.of(onlyWhereTheVersionRunsIt, onlyCoveredCategories, onlyEligibleBuyerTypes);
    }
}
