package org.suanli.voucher.whatif;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.budget.Program;
import org.suanli.voucher.policy.BuyerType;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.PolicyParameters;
import org.suanli.voucher.policy.PolicyVersion;
import org.suanli.voucher.policy.ZhinengMode;
import org.suanli.voucher.policybook.PolicyBook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a period's holds, the registry and the budgets, and replays them under another policy
 * ({@link PolicyReplay}). Only reads: the live figures are never touched.
 */
@ApplicationScoped
public class WhatIfService {

    @Inject
    EntityManager em;

    @Inject
    PolicyBook policies;

    /**
     * What to replay and under what.
     *
     * @param from, to          the contract dates replayed, both included
     * @param alternative       the policy asked about (an existing version's parameters, or a draft)
     * @param effectiveFrom     the alternative governs contracts from this date; before it, the live versions.
     *                          {@code null} = the whole period
     * @param suanliBudgetFen   a draft 算力券 budget for each program year replayed; {@code null} = the live budget
     * @param zhinengBudgetFen  likewise for 智能券
     */
    public record Question(LocalDate from, LocalDate to, PolicyParameters alternative, LocalDate effectiveFrom, Long suanliBudgetFen, Long zhinengBudgetFen) {
    }

    /** The parameters of an existing version, of any city's program; 404 when there is none. */
    public PolicyParameters parametersOf(String code) {
        return policies.versions().stream().map(PolicyBook.SchemeVersion::version).filter(v -> v.code().equals(code))
                .findFirst().map(PolicyVersion::parameters)
                .orElseThrow(() -> ProblemException.notFound("Policy version", code));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public WhatIfReport replay(Question q) {
        PolicyEngine live = policies.engine();
        LocalDate altFrom = q.effectiveFrom() == null ? q.from() : q.effectiveFrom();
        PolicyEngine alternative = PolicyReplay.underAlternative(live.versions(), q.alternative(), altFrom);

        int firstYear = q.from().getYear();
        int lastYear = q.to().getYear();
        List<RecordedContract> carried = new ArrayList<>();
        List<RecordedContract> replayed = new ArrayList<>();
        readHolds(firstYear, q.to(), c -> (c.contractDate().isBefore(q.from()) ? carried : replayed).add(c));

        Map<Program, Map<Integer, Long>> budgets = budgets(live, firstYear, lastYear);
        if (q.suanliBudgetFen() != null) {
            budgets.get(Program.SUANLI).replaceAll((y, b) -> q.suanliBudgetFen());
        }
        if (q.zhinengBudgetFen() != null) {
            budgets.get(Program.ZHINENG).replaceAll((y, b) -> q.zhinengBudgetFen());
        }
        return new PolicyReplay(alternative, buyers(), program -> year -> budgets.get(program).get(year))
                .run(carried, replayed);
    }

    /** HELD and REDEEMED holds of the years from {@code firstYear} up to {@code to}, in the order they were held. */
    private void readHolds(int firstYear, LocalDate to, java.util.function.Consumer<RecordedContract> sink) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    select order_id, buyer_id, contract_date, category, facility_type, partner_id, zhineng_mode, status,
                           estimated_amount_fen, actual_amount_fen, policy_code, suanli_rate_bp, suanli_held_fen,
                           zhineng_held_fen, suanli_redeemed_fen, zhineng_redeemed_fen, reasons
                    from subsidy_hold
                    where program_year between ? and ? and contract_date <= ? and status <> 'RELEASED'
                    order by created_at, order_id""")) {
                q.setInt(1, firstYear);
                q.setInt(2, to.getYear());
                q.setObject(3, to);
                q.setFetchSize(10_000);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        boolean redeemed = "REDEEMED".equals(r.getString(8));
                        String facility = r.getString(5);
                        sink.accept(RecordedContract.fromHold(r.getString(1), r.getString(2),
                                r.getObject(3, LocalDate.class), Category.valueOf(r.getString(4)),
                                facility == null ? null : FacilityType.valueOf(facility), r.getString(6), null,
                                ZhinengMode.valueOf(r.getString(7)),
                                redeemed ? r.getLong(10) : r.getLong(9), r.getString(11), r.getInt(12),
                                redeemed ? r.getLong(15) : r.getLong(13), redeemed ? r.getLong(16) : r.getLong(14),
                                r.getString(17)));
                    }
                }
            }
        });
    }

    private Map<String, ReplayBuyer> buyers() {
        Map<String, ReplayBuyer> buyers = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "select id, buyer_type, sme, foundation_model, cap_override_fen from buyer");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    long cap = r.getLong(5);
                    buyers.put(r.getString(1), new ReplayBuyer(BuyerType.valueOf(r.getString(2)), r.getBoolean(3),
                            r.getBoolean(4), r.wasNull() ? null : cap));
                }
            }
        });
        return buyers;
    }

    /** The live budget of each program year; a year nobody set has its version's published size, as at hold. */
    private Map<Program, Map<Integer, Long>> budgets(PolicyEngine live, int firstYear, int lastYear) {
        Map<Program, Map<Integer, Long>> budgets = new EnumMap<>(Program.class);
        for (Program p : Program.values()) {
            Map<Integer, Long> years = new HashMap<>();
            for (int y = firstYear; y <= lastYear; y++) {
                PolicyParameters v = live.versionOn(LocalDate.of(y, 12, 31)).map(PolicyVersion::parameters).orElse(null);
                Long published = v == null ? null : p == Program.SUANLI ? v.suanli().annualBudgetFen()
                        : v.zhinengProgram().map(PolicyParameters.ZhinengTerms::annualBudgetFen).orElse(null);
                years.put(y, published == null ? 0L : published);
            }
            budgets.put(p, years);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select program, program_year, budget_fen from program_budget where program_year between ?1 and ?2")
                .setParameter(1, firstYear).setParameter(2, lastYear).getResultList();
        for (Object[] r : rows) {
            budgets.get(Program.valueOf((String) r[0])).put(((Number) r[1]).intValue(), ((Number) r[2]).longValue());
        }
        return budgets;
    }
}
