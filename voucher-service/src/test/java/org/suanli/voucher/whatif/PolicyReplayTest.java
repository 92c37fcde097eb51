package org.suanli.voucher.whatif;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suanli.voucher.budget.Program;
import org.suanli.voucher.policy.BuyerType;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.PolicyParameters;
import org.suanli.voucher.policy.PolicyParametersJson;
import org.suanli.voucher.policy.SeededPolicies;
import org.suanli.voucher.policy.ZhinengMode;

/**
 * A year of Hangzhou contracts under HZ-2025, decided again. The year, worked by hand:
 * <pre>
 * c1 2026-03-01 big enterprise, compute on OTHER,     1,000,000.00 at 20% = 200,000.00
 * c2 2026-04-01 SME,            compute on DOMESTIC,    100,000.00 at 50% =  50,000.00 (SME boost)
 * c3 2026-08-01 big enterprise, compute on DOMESTIC,    500,000.00 at 30% = 150,000.00
 * c4 2026-09-01 SME,            model service (filed),  200,000.00 at 30% =  60,000.00
 *                                                                  算力券 460,000.00 in all
 * </pre>
 */
class PolicyReplayTest {

    static final String BIG = "ent-big";
    static final String SME = "ent-sme";
    static final Map<String, ReplayBuyer> REGISTRY = Map.of(
            BIG, new ReplayBuyer(BuyerType.ENTERPRISE, false, false, null),
            SME, new ReplayBuyer(BuyerType.ENTERPRISE, true, false, null));
    static final PolicyEngine LIVE = SeededPolicies.engine();

    static final RecordedContract C1 = compute("c1", "2026-03-01", BIG, FacilityType.OTHER, "1000000.00", 2000, "200000.00", "");
    static final RecordedContract C2 = compute("c2", "2026-04-01", SME, FacilityType.DOMESTIC, "100000.00", 5000, "50000.00", "SME_BOOST");
    static final RecordedContract C3 = compute("c3", "2026-08-01", BIG, FacilityType.DOMESTIC, "500000.00", 3000, "150000.00", "");
    static final RecordedContract C4 = new RecordedContract("c4", SME, LocalDate.parse("2026-09-01"), Category.MODEL_SERVICE,
            null, true, "ptn-b", true, false, "滨江区", ZhinengMode.NONE, fen("200000.00"), "HZ-2025", 3000, fen("60000.00"), 0, Set.of());
    static final List<RecordedContract> YEAR = List.of(C1, C2, C3, C4);

    @Test
    void replayedUnderTheLivePolicyTheYearComesOutAsItIs() {
        WhatIfReport r = replay(LIVE, plentyOfBudget(), List.of(), YEAR);

        assertAll(
                () -> assertEquals(4, r.contracts()),
                () -> assertEquals(fen("460000.00"), suanli(r).liveFen()),
                () -> assertEquals(fen("460000.00"), suanli(r).replayedFen()),
                () -> assertEquals(List.of(), r.gainMost()),
                () -> assertEquals(List.of(), r.loseMost()));
    }

    @Test
    void whatIfComputeEarnedTwentyPercentFromJuly() {
        // From 2026-07-01 compute earns 20% on either facility; the SME boost stays. Before July nothing
        // changes (c1, c2); c3 500,000.00 x 20% = 100,000.00 instead of 150,000.00; c4 is a model service: 60,000.00.
        // 算力券: 200,000.00 + 50,000.00 + 100,000.00 + 60,000.00 = 410,000.00, 50,000.00 less; the big enterprise loses it.
        PolicyParameters twenty = draft("{\"flatBp\": 2000, \"byFacilityBp\": null}");
        WhatIfReport r = replay(PolicyReplay.underAlternative(LIVE.versions(), twenty, LocalDate.parse("2026-07-01")),
                plentyOfBudget(), List.of(), YEAR);

        assertAll(
                () -> assertEquals(fen("410000.00"), suanli(r).replayedFen()),
                () -> assertEquals(-fen("50000.00"), suanli(r).differenceFen()),
                () -> assertEquals(List.of(new WhatIfReport.BuyerChange(BIG, fen("350000.00"), fen("300000.00"))), r.loseMost()),
                () -> assertEquals(List.of(), r.gainMost()),
                // c3 leaves the 30% tier for the 20% one: live 0.20 = c1; replayed 0.20 = c1 + c3
                () -> assertRow(r.byTier(), "0.20", 1, "200000.00", 2, "300000.00"),
                () -> assertRow(r.byTier(), "0.30", 2, "210000.00", 1, "60000.00"),
                () -> assertRow(r.byTier(), "0.50", 1, "50000.00", 1, "50000.00"),
                () -> assertRow(r.byCategory(), "COMPUTE", 3, "400000.00", 3, "350000.00"),
                () -> assertRow(r.byPartner(), "ptn-a", 3, "400000.00", 3, "350000.00"),
                () -> assertRow(r.byDistrict(), "滨江区", 1, "60000.00", 1, "60000.00"),
                () -> assertRow(r.byDistrict(), PolicyReplay.NOT_RECORDED, 3, "400000.00", 3, "350000.00"));
    }

    @Test
    void aSmallerBudgetRunsOutOnTheDayAGrantIsFirstCut() {
        // 300,000.00 for the year: c1 200,000.00 and c2 50,000.00 leave 50,000.00; c3 computes 150,000.00 and
        // gets those 50,000.00 on 2026-08-01; c4 gets nothing. The big enterprise loses 100,000.00, the SME 60,000.00.
        WhatIfReport r = replay(LIVE, year -> fen("300000.00"), List.of(), YEAR);
        WhatIfReport.RunOut suanli2026 = r.runOut().stream()
                .filter(o -> o.program() == Program.SUANLI && o.year() == 2026).findFirst().orElseThrow();

        assertAll(
                () -> assertEquals(fen("300000.00"), suanli(r).replayedFen()),
                () -> assertEquals(LocalDate.parse("2026-08-01"), suanli2026.replayedRunOut()),
                () -> assertEquals(null, suanli2026.liveRunOut()),
                () -> assertEquals(0, suanli2026.leftFen()),
                // who loses most comes first
                () -> assertEquals(List.of(new WhatIfReport.BuyerChange(BIG, fen("350000.00"), fen("250000.00")),
                        new WhatIfReport.BuyerChange(SME, fen("110000.00"), fen("50000.00"))), r.loseMost()));
    }

    @Test
    void theYearsEarlierContractsStillCountAgainstTheCap() {
        // c0 (2026-01-10, before the period) already used 7,500,000.00 of the big enterprise's 8,000,000.00 cap.
        // What if compute earned 40%: c1 400,000.00 fits the 500,000.00 left; c3 computes 200,000.00 but only
        // 100,000.00 is left. The big enterprise: 350,000.00 live, 500,000.00 replayed, 150,000.00 more.
        RecordedContract c0 = compute("c0", "2026-01-10", BIG, FacilityType.DOMESTIC, "25000000.00", 3000, "7500000.00", "");
        PolicyParameters forty = draft("{\"flatBp\": 4000, \"byFacilityBp\": null}");
        WhatIfReport r = replay(PolicyReplay.underAlternative(LIVE.versions(), forty, LocalDate.parse("2026-03-01")),
                plentyOfBudget(), List.of(c0), YEAR);

        assertAll(
                () -> assertEquals(4, r.contracts()),
                () -> assertEquals(List.of(new WhatIfReport.BuyerChange(BIG, fen("350000.00"), fen("500000.00"))), r.gainMost()),
                () -> assertEquals(List.of(), r.loseMost()));
    }

    @Test
    void aBuyerMissingFromTheRegistryGetsNothingAsAtHold() {
        RecordedContract stranger = compute("c9", "2026-05-01", "ent-gone", FacilityType.DOMESTIC, "10000.00", 3000, "3000.00", "");
        WhatIfReport r = replay(LIVE, plentyOfBudget(), List.of(), List.of(stranger));

        assertAll(
                () -> assertEquals(1, r.unregistered()),
                () -> assertEquals(0, suanli(r).replayedFen()),
                () -> assertEquals(List.of(new WhatIfReport.BuyerChange("ent-gone", fen("3000.00"), 0)), r.loseMost()));
    }

    @Test
    void factsTheHoldDidNotKeepAreReadBackFromItsReasons() {
        RecordedContract barred = RecordedContract.fromHold("c8", BIG, LocalDate.parse("2026-05-01"), Category.MODEL_SERVICE,
                null, "ptn-x", null, ZhinengMode.NONE, fen("1000.00"), "HZ-2025", 0, 0, 0,
                "MODEL_NOT_FILED;PARTNER_NOT_APPROVED;RELATED_PARTY");
        RecordedContract clean = RecordedContract.fromHold("c7", BIG, LocalDate.parse("2026-05-01"), Category.MODEL_SERVICE,
                null, "ptn-x", null, ZhinengMode.NONE, fen("1000.00"), "HZ-2025", 3000, fen("300.00"), 0, "");

        assertAll(
                () -> assertEquals(false, barred.filedModel()),
                () -> assertEquals(false, barred.partnerApproved()),
                () -> assertEquals(true, barred.relatedParty()),
                () -> assertEquals(true, clean.filedModel()),
                () -> assertEquals(true, clean.partnerApproved()),
                () -> assertEquals(false, clean.relatedParty()));
    }

    // --- helpers

    private static WhatIfReport replay(PolicyEngine engine, java.util.function.Function<Integer, Long> suanliBudget,
                                       List<RecordedContract> carried, List<RecordedContract> replayed) {
        return new PolicyReplay(engine, REGISTRY, program -> program == Program.SUANLI ? suanliBudget : year -> 0L)
                .run(carried, replayed);
    }

    private static java.util.function.Function<Integer, Long> plentyOfBudget() {
        return year -> fen("250000000.00");
    }

    /** HZ-2025 with another rate table for compute. */
    private static PolicyParameters draft(String computeRates) {
        return PolicyParametersJson.read(SeededPolicies.hz2025WithComputeRates(computeRates));
    }

    private static RecordedContract compute(String id, String date, String buyer, FacilityType facility, String amount,
                                            int liveRateBp, String liveSuanli, String reasons) {
        return RecordedContract.fromHold(id, buyer, LocalDate.parse(date), Category.COMPUTE, facility, "ptn-a", null,
                ZhinengMode.NONE, fen(amount), "HZ-2025", liveRateBp, fen(liveSuanli), 0, reasons);
    }

    private static WhatIfReport.ProgramTotal suanli(WhatIfReport r) {
        return r.programs().stream().filter(p -> p.program() == Program.SUANLI).findFirst().orElseThrow();
    }

    private static void assertRow(List<WhatIfReport.Row> rows, String key, int liveContracts, String live,
                                  int replayedContracts, String replayed) {
        WhatIfReport.Row row = rows.stream().filter(w -> w.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
        assertAll(key,
                () -> assertEquals(liveContracts, row.liveContracts(), "live contracts"),
                () -> assertEquals(fen(live), row.liveFen(), "live"),
                () -> assertEquals(replayedContracts, row.replayedContracts(), "replayed contracts"),
                () -> assertEquals(fen(replayed), row.replayedFen(), "replayed"));
    }

    private static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
