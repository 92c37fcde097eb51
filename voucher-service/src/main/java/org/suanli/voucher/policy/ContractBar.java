package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.PARTNER_NOT_APPROVED;
import static org.suanli.voucher.policy.ReasonCode.RELATED_PARTY;

import java.util.List;
import java.util.Optional;

/**
 * What takes a whole contract out of both voucher programs, whatever the version in force offers
 * (docs/POLICY.md, "The contract's life"). These are the marketplace's rules, not a version's figures.
 */
@FunctionalInterface
interface ContractBar {

    Optional<ReasonCode> barring(SubsidyRequest contract);

    /** Vouchers pay for compute from the city's vetted partners (市级算力伙伴) only: pending, suspended or rejected earn none. */
    ContractBar sellerMustBeAnApprovedPartner = contract ->
            contract.partnerApproved() ? Optional.empty() : Optional.of(PARTNER_NOT_APPROVED);

    /** A buyer dealing with itself or a related seller would be paying public money to its own side. */
    ContractBar noVoucherBetweenRelatedParties = contract ->
            contract.relatedParty() ? Optional.of(RELATED_PARTY) : Optional.empty();

    static List<ContractBar> all() {
        return List.of(sellerMustBeAnApprovedPartner, noVoucherBetweenRelatedParties);
    }
}
