package org.suanli.voucher.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of one policy version, stored as JSON in {@code policy_version.parameters}. Rules read
 * these and hold no figure of their own, so a new version (new rates, caps, covered categories) is a
 * new row, not a code change. Money is fen, rates are basis points. A {@code null} member means "this
 * version has none" (no cap, no boost, no 智能券) and must be written out as {@code null}: a figure that
 * was merely forgotten fails to load instead of silently meaning "unlimited" (see
 * {@link PolicyParametersJson}).
 *
 * @param suanli   the 算力券 terms; every version has them
 * @param zhineng  the 智能券 terms, or {@code null} when the version runs no 智能券 program
 * @param contract terms on the contract itself (docs/POLICY.md rules 11–13), or {@code null} when the version
 *                 sets none (Hangzhou's versions)
 */
public record PolicyParameters(SuanliTerms suanli, ZhinengTerms zhineng, ContractTerms contract) {

    public PolicyParameters {
        Objects.requireNonNull(suanli, "suanli terms are required");
    }

    /** A version with no terms on the contract itself, as Hangzhou's are. */
    public PolicyParameters(SuanliTerms suanli, ZhinengTerms zhineng) {
        this(suanli, zhineng, null);
    }

    public Optional<ZhinengTerms> zhinengProgram() {
        return Optional.ofNullable(zhineng);
    }

    public ContractTerms contractTerms() {
        return contract == null ? ContractTerms.NONE : contract;
    }

    /**
     * What a program asks of the contract itself, before any rate (docs/POLICY.md rules 11–13). Each
     * member switches one named rule of {@link ContractTermRule} on.
     *
     * @param programStart        contracts signed before this day earn nothing (rule 11); {@code null} = from the
     *                            version's first day
     * @param longestTermMonths   the longest contract term the program pays for, in months (rule 12);
     *                            {@code null} = any term
     * @param oneClaimPerContract whether a contract that was already claimed on is refused (rule 13)
     */
    public record ContractTerms(LocalDate programStart, Integer longestTermMonths, boolean oneClaimPerContract) {

        static final ContractTerms NONE = new ContractTerms(null, null, false);

        public ContractTerms {
            if (longestTermMonths != null && longestTermMonths < 1) {
                throw new IllegalArgumentException("contract.longestTermMonths must be at least 1, was " + longestTermMonths);
            }
        }
    }

    /**
     * 算力券 terms.
     *
     * @param annualBudgetFen       the published yearly program size, the default budget of a new year
     *                              (the live budget is the budget ledger's); {@code null} = not published
     * @param eligibleBuyerTypes    who may receive it at all (rule 3)
     * @param smeOnly               whether only SMEs may receive it (HZ-2023, rule 2)
     * @param rates                 base rate per covered category; a category absent here is not covered (rule 4)
     * @param filedModelRequiredFor categories that must run on a filed model (rule 3)
     * @param smeBoost              the SME rate (rule 5), {@code null} = none
     * @param enterpriseCapFen      per-enterprise yearly cap (rule 7), {@code null} = none
     * @param capRaisableForFoundationModels whether the bureau may raise the cap of a foundation-model
     *                              enterprise (HZ-2025's "可以放宽申领上限", rule 7); a program that does not say so
     *                              holds every enterprise to the cap
     */
    public record SuanliTerms(
            Long annualBudgetFen,
            Set<BuyerType> eligibleBuyerTypes,
            boolean smeOnly,
            Map<Category, RateTable> rates,
            Set<Category> filedModelRequiredFor,
            SmeBoost smeBoost,
            Long enterpriseCapFen,
            boolean capRaisableForFoundationModels) {

        public SuanliTerms {
            requireNonNegative(annualBudgetFen, "suanli.annualBudgetFen");
            eligibleBuyerTypes = immutableSet(eligibleBuyerTypes, "suanli.eligibleBuyerTypes");
            rates = immutableMap(rates, "suanli.rates");
            filedModelRequiredFor = immutableSet(filedModelRequiredFor, "suanli.filedModelRequiredFor");
            requireNonNegative(enterpriseCapFen, "suanli.enterpriseCapFen");
            if (smeBoost != null) {
                // A "boost" below the base rate would cut an SME's subsidy: a data error, refused at load.
                for (Category boosted : smeBoost.categories()) {
                    RateTable base = rates.get(boosted);
                    if (base != null && base.highestBp() > smeBoost.rateBp()) {
                        throw new IllegalArgumentException("suanli.smeBoost.rateBp " + smeBoost.rateBp()
                                + " is below the base rate of " + boosted);
                    }
                }
            }
        }

        public boolean covers(Category category) {
            return rates.containsKey(category);
        }

        public Optional<SmeBoost> smeBoostTerms() {
            return Optional.ofNullable(smeBoost);
        }

        public Optional<Long> enterpriseCap() {
            return Optional.ofNullable(enterpriseCapFen);
        }

        /**
         * The cap that binds this buyer (rule 7): the policy's, raised to the bureau's override for a
         * foundation-model enterprise where the version allows it. "放宽" only raises it: an override below the policy's cap, or one
         * recorded on anyone else, changes nothing. Empty when the policy has no cap at all.
         */
        public Optional<Long> enterpriseCapFor(boolean foundationModel, Long capOverrideFen) {
            return enterpriseCap().map(policyCap -> capRaisableForFoundationModels && foundationModel && capOverrideFen != null
                    ? Math.max(policyCap, capOverrideFen) : policyCap);
        }
    }

    /**
     * Rule 5: an SME whose declared amounts of the year, this contract included, stay within the ceiling
     * gets this rate instead of the base rate.
     *
     * @param categories         the categories the boost applies to (HZ-2025: COMPUTE, "智算合同")
     * @param declaredCeilingFen the ceiling, inclusive ("50万元(含)以下")
     * @param rateBp             the boosted rate
     */
    public record SmeBoost(Set<Category> categories, long declaredCeilingFen, int rateBp) {

        public SmeBoost {
            categories = immutableSet(categories, "smeBoost.categories");
            requireNonNegative(declaredCeilingFen, "smeBoost.declaredCeilingFen");
            requireRate(rateBp, "smeBoost.rateBp");
        }
    }

    /**
     * 智能券 terms (rule 6).
     *
     * @param annualBudgetFen             published yearly program size; {@code null} = not published
     * @param eligibleBuyerTypes          who may receive it
     * @param rates                       rate per covered category; a category absent here is not covered
     * @param exemptMatchingSuanliRate    免审配套: the 算力券 rate that replaces rules 4 and 5
     * @param separateApplicationStackCap 另行申请: the most 算力券 + 智能券 may reach together
     */
    public record ZhinengTerms(
            Long annualBudgetFen,
            Set<BuyerType> eligibleBuyerTypes,
            Map<Category, RateTable> rates,
            RateTable exemptMatchingSuanliRate,
            RateTable separateApplicationStackCap) {

        public ZhinengTerms {
            requireNonNegative(annualBudgetFen, "zhineng.annualBudgetFen");
            eligibleBuyerTypes = immutableSet(eligibleBuyerTypes, "zhineng.eligibleBuyerTypes");
            rates = immutableMap(rates, "zhineng.rates");
            Objects.requireNonNull(exemptMatchingSuanliRate, "zhineng.exemptMatchingSuanliRate is required");
            Objects.requireNonNull(separateApplicationStackCap, "zhineng.separateApplicationStackCap is required");
            // The stack cap cuts only the 算力券 rate, so 智能券 alone must fit under it, and the matching pair
            // must never reach past the contract amount: otherwise the buyer would be paid to buy.
            for (Map.Entry<Category, RateTable> covered : rates.entrySet()) {
                for (FacilityType facility : FacilityType.values()) {
                    int zhinengBp = covered.getValue().bpOrHighest(facility);
                    if (zhinengBp > separateApplicationStackCap.bpOrHighest(facility)) {
                        throw new IllegalArgumentException("zhineng rate of " + covered.getKey() + " on " + facility
                                + " is above separateApplicationStackCap");
                    }
                    if (zhinengBp + exemptMatchingSuanliRate.bpOrHighest(facility) > RateTable.WHOLE_BP) {
                        throw new IllegalArgumentException("zhineng + exemptMatchingSuanliRate of " + covered.getKey()
                                + " on " + facility + " pass 100%");
                    }
                }
            }
        }

        public boolean covers(Category category) {
            return rates.containsKey(category);
        }
    }

    /**
     * A rate that is either the same on every facility ({@code flatBp}) or set per facility type
     * ({@code byFacilityBp}, which must then name every type). Exactly one of the two is given.
     */
    public record RateTable(Integer flatBp, Map<FacilityType, Integer> byFacilityBp) {

        static final int WHOLE_BP = 10_000;

        public RateTable {
            if ((flatBp == null) == (byFacilityBp == null)) {
                throw new IllegalArgumentException("a rate table has exactly one of flatBp and byFacilityBp");
            }
            if (flatBp != null) {
                requireRate(flatBp, "flatBp");
            } else {
                byFacilityBp = immutableMap(byFacilityBp, "byFacilityBp");
                for (FacilityType facility : FacilityType.values()) {
                    requireRate(byFacilityBp.get(facility), "byFacilityBp." + facility);
                }
            }
        }

        public static RateTable flat(int bp) {
            return new RateTable(bp, null);
        }

        public static RateTable byFacility(int domesticBp, int otherBp) {
            return new RateTable(null, Map.of(FacilityType.DOMESTIC, domesticBp, FacilityType.OTHER, otherBp));
        }

        /** The rate on this facility; a per-facility table cannot answer for an offering of unknown facility. */
        public int bpFor(FacilityType facility) {
            if (flatBp != null) {
                return flatBp;
            }
            if (facility == null) {
                throw new IllegalArgumentException("the rate depends on the facility type, which the contract lacks");
            }
            return byFacilityBp.get(facility);
        }

        /** For load-time checks: the rate on a facility, or the highest when the facility is unknown. */
        int bpOrHighest(FacilityType facility) {
            return facility == null ? highestBp() : bpFor(facility);
        }

        int highestBp() {
            return flatBp != null ? flatBp : byFacilityBp.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    private static void requireRate(Integer bp, String what) {
        if (bp == null || bp < 0 || bp > RateTable.WHOLE_BP) {
            throw new IllegalArgumentException(what + " must be a rate from 0 to 10000 basis points, was " + bp);
        }
    }

    private static void requireNonNegative(Long fen, String what) {
        if (fen != null && fen < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + fen);
        }
    }

    private static <E> Set<E> immutableSet(Set<E> given, String what) {
        Objects.requireNonNull(given, what + " is required (write [] for none)");
        // Jackson maps a misspelt constant to an error, but a null element must not slip in either.
        if (given.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " holds an empty value");
        }
        return Set.copyOf(given);
    }

    private static <K, V> Map<K, V> immutableMap(Map<K, V> given, String what) {
        Objects.requireNonNull(given, what + " is required (write {} for none)");
        if (given.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new IllegalArgumentException(what + " holds an empty key or value");
        }
        return Map.copyOf(given);
    }
}
