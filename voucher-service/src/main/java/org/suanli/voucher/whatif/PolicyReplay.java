package org.suanli.voucher.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.suanli.voucher.budget.Program;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.ReasonCode;
import org.suanli.voucher.policy.SubsidyDecision;
import org.suanli.voucher.policy.SubsidyRequest;

/**
 * Policy what-if: the contracts of a period decided again, in the order they were held, under another
 * policy, as the hold path would have decided them — each on what the contracts before it left of the
 * budgets, the buyers' caps and their declared amounts (docs/POLICY.md rules 5, 7 and 8). Plain Java, on
 * figures read beforehand: it changes nothing anywhere.
 *
 * <p>Contracts of the same program years dated before the period are not decided again but still count, at
 * their live figures, against what the replayed contracts find left ("carried").
 */
public final class PolicyReplay {

    /** How many buyers are listed as gaining or losing most. */
    public static final int TOP = 10;
    static final String NOT_RECORDED = "not recorded";

    private final PolicyEngine alternative;
    private final Map<String, ReplayBuyer> buyers;
    private final Function<Program, Function<Integer, Long>> budgetOf;

    /**
     * @param alternative the engine to decide with: the policy asked about, in force on the replayed dates
     * @param buyers      the registry, by buyer id; a buyer missing from it gets nothing, as at hold
     * @param budgetOf    each program's budget for a program year, in fen
     */
    public PolicyReplay(PolicyEngine alternative, Map<String, ReplayBuyer> buyers,
                        Function<Program, Function<Integer, Long>> budgetOf) {
        this.alternative = Objects.requireNonNull(alternative, "alternative");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.budgetOf = Objects.requireNonNull(budgetOf, "budgetOf");
    }

    /**
     * The engine a replay decides with: the live versions up to {@code from}, the alternative from that day
     * on (it repeals them there, as a new version would).
     */
    public static PolicyEngine underAlternative(List<org.suanli.voucher.policy.PolicyVersion> live,
                                                org.suanli.voucher.policy.PolicyParameters alternative, LocalDate from) {
        List<org.suanli.voucher.policy.PolicyVersion> versions = new ArrayList<>();
        for (org.suanli.voucher.policy.PolicyVersion v : live) {
            if (v.effectiveFrom().isBefore(from)) {
                versions.add(v);
            }
        }
        versions.add(new org.suanli.voucher.policy.PolicyVersion(ALTERNATIVE_CODE, from, alternative));
        return new PolicyEngine(versions);
    }

    /** The code the alternative is decided under (a live version's own code would clash with itself). */
    public static final String ALTERNATIVE_CODE = "WHAT-IF";

    /** Both lists in the order the contracts were held. */
    public WhatIfReport run(List<RecordedContract> carried, List<RecordedContract> replayed) {
        Figures f = new Figures();
        for (RecordedContract c : carried) {
            f.count(c, c.livePolicy(), c.liveSuanliFen(), c.liveZhinengFen());
        }
        Tally tally = new Tally();
        for (RecordedContract c : replayed) {
            ReplayBuyer b = buyers.get(c.buyerId());
            SubsidyDecision d = b == null ? null : alternative.decide(new SubsidyRequest(c.contractDate(), b.type(), b.sme(),
                    b.foundationModel(), b.foundationModel() ? b.capOverrideFen() : null, c.category(), c.facilityType(),
                    c.filedModel(), c.amountFen(), f.declared(c), f.used(c), f.left(Program.SUANLI, c.programYear()),
                    c.zhinengMode(), f.left(Program.ZHINENG, c.programYear()), c.partnerApproved(), c.relatedParty(),
                    null, false));
            if (d == null) {
                tally.unregistered++;
                tally.add(c, 0, 0, 0, null);
                continue;
            }
            f.count(c, d.policyCode(), d.suanliGrantedFen(), d.zhinengGrantedFen());
            tally.add(c, d.suanliRateBp(), d.suanliGrantedFen(), d.zhinengGrantedFen(), d);
        }
        return tally.report(f);
    }

    /** What the budgets, caps and declared amounts stand at as the contracts are decided one after another. */
    private final class Figures {
        private final Map<String, long[]> buyerYears = new HashMap<>(); // buyer|year -> {declared, used}
        private final Map<String, Long> spent = new HashMap<>();        // program|year -> held or granted

        long declared(RecordedContract c) {
            return buyerYear(c)[0];
        }

        long used(RecordedContract c) {
            return buyerYear(c)[1];
        }

        Long left(Program program, int year) {
            Long budget = budgetOf.apply(program).apply(year);
            return budget == null ? null : Math.max(0, budget - spent.getOrDefault(program + "|" + year, 0L));
        }

        long budget(Program program, int year) {
            Long budget = budgetOf.apply(program).apply(year);
            return budget == null ? 0 : budget;
        }

        long spent(Program program, int year) {
            return spent.getOrDefault(program + "|" + year, 0L);
        }

        /** As a hold counts it: rule 5 declares COMPUTE amounts of any contract under a policy. */
        void count(RecordedContract c, String policyCode, long suanliFen, long zhinengFen) {
            long[] by = buyerYear(c);
            if (c.category() == Category.COMPUTE && !PolicyEngine.NO_POLICY_CODE.equals(policyCode)) {
                by[0] += c.amountFen();
            }
            by[1] += suanliFen;
            spent.merge(Program.SUANLI + "|" + c.programYear(), suanliFen, Long::sum);
            spent.merge(Program.ZHINENG + "|" + c.programYear(), zhinengFen, Long::sum);
        }

        private long[] buyerYear(RecordedContract c) {
            return buyerYears.computeIfAbsent(c.buyerId() + "|" + c.programYear(), k -> new long[2]);
        }
    }

    /** The replayed contracts' totals, live beside replayed. */
    private static final class Tally {
        int contracts;
        int unregistered;
        final long[] live = new long[2];
        final long[] replayed = new long[2];
        final Map<String, WhatIfReport.Row> byTier = new TreeMap<>();
        final Map<String, WhatIfReport.Row> byCategory = new TreeMap<>();
        final Map<String, WhatIfReport.Row> byDistrict = new TreeMap<>();
        final Map<String, WhatIfReport.Row> byPartner = new TreeMap<>();
        final Map<String, long[]> byBuyer = new HashMap<>();
        final Map<String, LocalDate[]> runOut = new TreeMap<>(); // program|year -> {live, replayed}

        void add(RecordedContract c, int rateBp, long suanliFen, long zhinengFen, SubsidyDecision d) {
            contracts++;
            live[0] += c.liveSuanliFen();
            live[1] += c.liveZhinengFen();
            replayed[0] += suanliFen;
            replayed[1] += zhinengFen;
            long liveTotal = c.liveTotalFen();
            long total = suanliFen + zhinengFen;
            // A contract may change tier; every other key is a fact of the contract itself.
            row(byTier, WhatIfReport.tier(c.liveSuanliRateBp())).live(liveTotal);
            row(byTier, WhatIfReport.tier(rateBp)).replayed(total);
            row(byCategory, c.category().name()).both(liveTotal, total);
            row(byDistrict, c.district() == null ? NOT_RECORDED : c.district()).both(liveTotal, total);
            row(byPartner, c.partnerId() == null ? NOT_RECORDED : c.partnerId()).both(liveTotal, total);
            long[] b = byBuyer.computeIfAbsent(c.buyerId(), k -> new long[2]);
            b[0] += liveTotal;
            b[1] += total;
            runOut(c, Program.SUANLI, "BUDGET_EXHAUSTED", d, ReasonCode.BUDGET_EXHAUSTED);
            runOut(c, Program.ZHINENG, "ZHINENG_BUDGET_EXHAUSTED", d, ReasonCode.ZHINENG_BUDGET_EXHAUSTED);
        }

        /** The first contract date on which a grant was cut because the budget had run out. */
        private void runOut(RecordedContract c, Program program, String liveReason, SubsidyDecision d, ReasonCode reason) {
            LocalDate[] dates = runOut.computeIfAbsent(program + "|" + c.programYear(), k -> new LocalDate[2]);
            if (dates[0] == null && c.liveReasons().contains(liveReason)) {
                dates[0] = c.contractDate();
            }
            if (dates[1] == null && d != null && d.reasons().contains(reason)) {
                dates[1] = c.contractDate();
            }
        }

        private static WhatIfReport.Row row(Map<String, WhatIfReport.Row> rows, String key) {
            return rows.computeIfAbsent(key, WhatIfReport.Row::new);
        }

        WhatIfReport report(Figures f) {
            List<WhatIfReport.ProgramTotal> programs = List.of(
                    new WhatIfReport.ProgramTotal(Program.SUANLI, live[0], replayed[0]),
                    new WhatIfReport.ProgramTotal(Program.ZHINENG, live[1], replayed[1]));
            List<WhatIfReport.RunOut> runOuts = new ArrayList<>();
            runOut.forEach((key, dates) -> {
                Program program = Program.valueOf(key.substring(0, key.indexOf('|')));
                int year = Integer.parseInt(key.substring(key.indexOf('|') + 1));
                runOuts.add(new WhatIfReport.RunOut(program, year, f.budget(program, year),
                        f.budget(program, year) - f.spent(program, year), dates[0], dates[1]));
            });
            List<WhatIfReport.BuyerChange> changes = new ArrayList<>();
            byBuyer.forEach((buyer, b) -> changes.add(new WhatIfReport.BuyerChange(buyer, b[0], b[1])));
            Comparator<WhatIfReport.BuyerChange> byGain = Comparator.comparingLong(WhatIfReport.BuyerChange::differenceFen)
                    .thenComparing(WhatIfReport.BuyerChange::buyerId);
            List<WhatIfReport.BuyerChange> gain = changes.stream().filter(c -> c.differenceFen() > 0)
                    .sorted(byGain.reversed()).limit(TOP).toList();
            List<WhatIfReport.BuyerChange> lose = changes.stream().filter(c -> c.differenceFen() < 0)
                    .sorted(byGain).limit(TOP).toList();
            return new WhatIfReport(contracts, unregistered, programs, List.copyOf(byTier.values()),
                    List.copyOf(byCategory.values()), List.copyOf(byDistrict.values()), List.copyOf(byPartner.values()),
                    runOuts, gain, lose);
        }
    }
}
