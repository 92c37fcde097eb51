package org.suanli.voucher.whatif;

import java.time.LocalDate;
import java.util.List;

import org.suanli.kernel.money.Rates;
import org.suanli.voucher.budget.Program;

/**
 * What a replay found, money in fen: live beside replayed, for the replayed contracts only.
 *
 * @param contracts    how many contracts were decided again
 * @param unregistered of those, how many have a buyer missing from the registry (they get nothing)
 * @param byTier       by the 算力券 rate a contract earns (e.g. "0.50" the SME boost, "0.00" nothing); a contract
 *                     counts in its live tier on the live side and in its replayed tier on the other
 */
public record WhatIfReport(int contracts, int unregistered, List<ProgramTotal> programs, List<Row> byTier,
                           List<Row> byCategory, List<Row> byDistrict, List<Row> byPartner, List<RunOut> runOut,
                           List<BuyerChange> gainMost, List<BuyerChange> loseMost) {

    public record ProgramTotal(Program program, long liveFen, long replayedFen) {
        public long differenceFen() {
            return replayedFen - liveFen;
        }
    }

    /** One key of a breakdown: how many contracts and how much subsidy (both programs), live and replayed. */
    public static final class Row {
        private final String key;
        private int liveContracts;
        private long liveFen;
        private int replayedContracts;
        private long replayedFen;

        Row(String key) {
            this.key = key;
        }

        Row live(long fen) {
            liveContracts++;
            liveFen += fen;
            return this;
        }

        Row replayed(long fen) {
            replayedContracts++;
            replayedFen += fen;
            return this;
        }

        void both(long liveFen, long replayedFen) {
            live(liveFen);
            replayed(replayedFen);
        }

        public String key() {
            return key;
        }

        public int liveContracts() {
            return liveContracts;
        }

        public long liveFen() {
            return liveFen;
        }

        public int replayedContracts() {
            return replayedContracts;
        }

        public long replayedFen() {
            return replayedFen;
        }
    }

    /**
     * A program year's budget under the replay.
     *
     * @param leftFen     what the replay leaves of it
     * @param liveRunOut  the first contract date on which a live grant was cut by the budget; {@code null} = never
     * @param replayedRunOut the same under the replay
     */
    public record RunOut(Program program, int year, long budgetFen, long leftFen, LocalDate liveRunOut,
                         LocalDate replayedRunOut) {
    }

    public record BuyerChange(String buyerId, long liveFen, long replayedFen) {
        public long differenceFen() {
            return replayedFen - liveFen;
        }
    }

    static String tier(int suanliRateBp) {
        return Rates.format(suanliRateBp);
    }
}
