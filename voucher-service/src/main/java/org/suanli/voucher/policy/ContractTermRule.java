package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.ALREADY_CLAIMED;
import static org.suanli.voucher.policy.ReasonCode.SIGNED_BEFORE_PROGRAM_START;
import static org.suanli.voucher.policy.ReasonCode.TERM_TOO_LONG;

import java.util.List;
import java.util.Optional;

import org.suanli.voucher.policy.PolicyParameters.ContractTerms;

/**
 * What a program asks of the contract itself before it pays anything (docs/POLICY.md rules 11–13). Each
 * rule is switched on by one member of the version's {@link ContractTerms}; a version that sets none (all
 * of Hangzhou's) asks nothing here. A contract failing any of them earns nothing from the version, and
 * every one it fails is listed.
 */
@FunctionalInterface
interface ContractTermRule {

    Optional<ReasonCode> refusal(SubsidyRequest contract, ContractTerms terms);

    /** Rule 11: the program pays for contracts signed on or after its start, not for older deals declared late. */
    ContractTermRule signedOnOrAfterProgramStart = (contract, terms) ->
            terms.programStart() != null && contract.contractDate().isBefore(terms.programStart())
                    ? Optional.of(SIGNED_BEFORE_PROGRAM_START) : Optional.empty();

    /**
     * Rule 12: the term runs from the contract date to its last day, both included; "at most a year" (12
     * months) means the last day falls before the same date a year on. A term that is not stated cannot be
     * shown to be short enough.
     */
    ContractTermRule termAtMostTheLongestPaidFor = (contract, terms) -> {
        if (terms.longestTermMonths() == null) {
            return Optional.empty();
        }
        return contract.termEnd() == null
                || !contract.termEnd().isBefore(contract.contractDate().plusMonths(terms.longestTermMonths()))
                ? Optional.of(TERM_TOO_LONG) : Optional.empty();
    };

    /** Rule 13: a contract is claimed on once; a second claim on the same contract gets nothing. */
    ContractTermRule oneClaimPerContract = (contract, terms) ->
            terms.oneClaimPerContract() && contract.claimedBefore() ? Optional.of(ALREADY_CLAIMED) : Optional.empty();

    static List<ContractTermRule> all() {
        return List.of(signedOnOrAfterProgramStart, termAtMostTheLongestPaidFor, oneClaimPerContract);
    }
}
