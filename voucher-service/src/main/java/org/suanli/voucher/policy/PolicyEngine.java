package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.NO_POLICY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides the 算力券 and 智能券 of one contract under the policy version in force on its contract date.
 * Pure and thread-safe: what a decision depends on is in the request and the versions; holding the
 * grants against budgets and caps is the caller's business (docs/POLICY.md "The contract's life").
 */
public final class PolicyEngine {

    /** The policy code reported for a contract dated before every version. */
    public static final String NO_POLICY_CODE = "NONE";

    private final TreeMap<LocalDate, PolicyVersion> byEffectiveFrom = new TreeMap<>();

    public PolicyEngine(List<PolicyVersion> versions) {
        Set<String> codes = new HashSet<>();
        for (PolicyVersion version : Objects.requireNonNull(versions, "versions")) {
            Objects.requireNonNull(version, "a policy version");
            if (!codes.add(version.code())) {
                throw new IllegalArgumentException("two policy versions are coded " + version.code());
            }
            PolicyVersion sameDay = byEffectiveFrom.put(version.effectiveFrom(), version);
            if (sameDay != null) {
                // Which one governs that day would be a guess.
                throw new IllegalArgumentException(sameDay.code() + " and " + version.code()
                        + " both take effect on " + version.effectiveFrom());
            }
        }
    }

    /** Rule 1: the latest version in force on that date; a later version supersedes the earlier ones. */
    public Optional<PolicyVersion> versionOn(LocalDate contractDate) {
        return Optional.ofNullable(byEffectiveFrom.floorEntry(Objects.requireNonNull(contractDate, "contractDate")))
                .map(Map.Entry::getValue);
    }

    /** All versions, oldest first. */
    public List<PolicyVersion> versions() {
        return List.copyOf(byEffectiveFrom.values());
    }

    public SubsidyDecision decide(SubsidyRequest contract) {
        Objects.requireNonNull(contract, "contract");
        long amount = contract.amountFen();
        Optional<PolicyVersion> inForce = versionOn(contract.contractDate());
        if (inForce.isEmpty()) {
            // Before the first policy there is nothing to bar or to limit: NO_POLICY says it all.
            return SubsidyDecision.nothing(NO_POLICY_CODE, amount, List.of(NO_POLICY));
        }
        PolicyVersion version = inForce.get();
        List<ReasonCode> bars = refusals(ContractBar.all(), bar -> bar.barring(contract));
        if (!bars.isEmpty()) {
            // No voucher at all on that contract: the programs' own rules are not even asked.
            return SubsidyDecision.nothing(version.code(), amount, bars);
        }
        PolicyParameters terms = version.parameters();
        List<ReasonCode> termRefusals = refusals(ContractTermRule.all(), rule -> rule.refusal(contract, terms.contractTerms()));
        if (!termRefusals.isEmpty()) {
            // The program does not take this contract at all (rules 11–13): nothing to rate or to limit.
            return SubsidyDecision.nothing(version.code(), amount, termRefusals);
        }

        Optional<ReasonCode> zhinengRefusal = contract.zhinengMode() == ZhinengMode.NONE
                ? Optional.empty()
                : refusals(ZhinengEligibility.all(), rule -> rule.refusal(contract, terms)).stream().findFirst();
        boolean zhinengApplies = contract.zhinengMode() != ZhinengMode.NONE && zhinengRefusal.isEmpty();
        int zhinengRateBp = zhinengApplies
                ? terms.zhinengProgram().orElseThrow().rates().get(contract.category()).bpFor(contract.facilityType())
                : 0;
        ContractCase c = new ContractCase(contract, terms,
                zhinengApplies ? contract.zhinengMode() : ZhinengMode.NONE, zhinengRateBp);

        // An ineligible buyer loses 算力券 only; 智能券 is a program of its own (e.g. a university).
        List<ReasonCode> suanliRefusals = refusals(SuanliEligibility.all(), rule -> rule.refusal(contract, terms.suanli()));
        Rate suanliRate = suanliRefusals.isEmpty() ? SuanliRateRule.rateFor(c) : Rate.none(suanliRefusals);

        Grant suanli = Grant.of(amount, suanliRate.bp(), GrantLimit.onSuanli(), contract, terms);
        Grant zhineng = Grant.of(amount, zhinengRateBp, GrantLimit.onZhineng(), contract, terms);

        TreeSet<ReasonCode> reasons = new TreeSet<>(ReasonCode.BY_NAME);
        reasons.addAll(suanliRate.reasons());
        zhinengRefusal.ifPresent(reasons::add);
        reasons.addAll(suanli.reasons());
        reasons.addAll(zhineng.reasons());
        long buyerPays = Math.subtractExact(amount, Math.addExact(suanli.grantedFen(), zhineng.grantedFen()));
        return new SubsidyDecision(version.code(),
                suanliRate.bp(), suanli.computedFen(), suanli.grantedFen(),
                zhinengRateBp, zhineng.computedFen(), zhineng.grantedFen(),
                buyerPays, reasons);
    }

    private static <R> List<ReasonCode> refusals(List<R> rules, Function<R, Optional<ReasonCode>> ask) {
        List<ReasonCode> found = new ArrayList<>();
        for (R rule : rules) {
            ask.apply(rule).ifPresent(found::add);
        }
        return found;
    }
}
