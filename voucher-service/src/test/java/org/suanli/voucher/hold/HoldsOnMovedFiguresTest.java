package org.suanli.voucher.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch decides on the budget as it stands, then confirms under the lock. Here another replica takes the
 * rest of the budget in between: the batch must end with what was really left (nothing), not with what it
 * first saw, and leave no trace of its first, provisional answer.
 */
@QuarkusTest
class HoldsOnMovedFiguresTest {

    static final int YEAR = 2034;

    @Inject
    HoldService holds;

    @Inject
    AgroalDataSource db;

    @Test
    void a_budget_taken_while_the_batch_decided_is_not_held_twice() throws Exception {
        Api.as("admin1").body("""
                {"budget":"50000.00","reason":"a year another replica empties"}""").put("/api/budgets/SUANLI/" + YEAR)
                .then().statusCode(200);
        Api.registerBuyer("ent-moved-1", "91330106MA2B0MW001", "ENTERPRISE", false, false, null);
        HoldCommand contract = new HoldCommand("ord-moved-1", "ent-moved-1", "ptn-hz-ascend", "91330110MA2B0PA001", true,
                Category.COMPUTE, FacilityType.DOMESTIC, false, 1_000_000L, LocalDate.of(YEAR, 5, 1), ZhinengMode.NONE);

        CompletableFuture<HoldService.Outcome> answer;
        try (Connection otherReplica = db.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement s = otherReplica.createStatement()) {
                s.execute("select held_fen from program_budget where program = 'SUANLI' and program_year = " + YEAR + " for update");
                // The batch reads 50,000.00 left, decides 3,000.00, writes its rows, then waits for the lock.
                answer = CompletableFuture.supplyAsync(() -> holds.holdAll(List.of(contract)).get(0));
                awaitSomeoneWaitingForALock();
                s.execute("update program_budget set held_fen = budget_fen where program = 'SUANLI' and program_year = " + YEAR);
            }
            otherReplica.commit();
        }
        SubsidyHold held = answer.get(30, TimeUnit.SECONDS).hold();

        assertThat(held.suanliHeldFen).isZero();
        assertThat(held.reasonList()).containsExactly("BUDGET_EXHAUSTED");
        assertThat(number("select held_fen from program_budget where program = 'SUANLI' and program_year = " + YEAR))
                .as("the budget row holds what the other replica took, nothing more").isEqualTo(5_000_000L);
        assertThat(number("select count(*) from subsidy_hold where order_id = 'ord-moved-1'")).isEqualTo(1);
        assertThat(number("select count(*) from budget_movement where order_id = 'ord-moved-1'"))
                .as("no ledger line of the provisional 3,000.00").isZero();
        assertThat(number("select count(*) from outbox_event where aggregate_id = 'ord-moved-1'"))
                .as("one SubsidyHeld event, the real one").isEqualTo(1);
        assertThat(number("select count(*) from outbox_event where aggregate_id = 'ord-moved-1' and envelope like '%\"suanliHeldFen\":0%'"))
                .isEqualTo(1);
        assertThat(number("select suanli_held_fen from enterprise_year where buyer_id = 'ent-moved-1' and program_year = " + YEAR))
                .isZero();
    }

    private void awaitSomeoneWaitingForALock() throws Exception {
        for (int i = 0; i < 300; i++) {
            if (number("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the batch never waited for the budget lock");
    }

    private long number(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
