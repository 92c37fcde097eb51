package org.suanli.voucher.hold;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many buyers race for the last of a budget, each hold in its own transaction on its own connection (as
 * several service replicas would): the budget is used to the fen and never beyond, and no hold is lost.
 */
@QuarkusTest
class LastOfTheBudgetRaceTest {

    @Inject
    HoldService holds;

    @Inject
    EntityManager em;

    @Test
    void racing_buyers_never_overspend_and_every_order_gets_its_answer() throws Exception {
        int year = 2031;
        Api.as("admin1").body("""
                {"budget":"100000.00","reason":"a small year to race for"}""").put("/api/budgets/SUANLI/" + year)
                .then().statusCode(200);
        for (int b = 0; b < 10; b++) {
            Api.registerBuyer("ent-race-" + b, "9133010" + b + "MA2B0RC00" + b, "ENTERPRISE", false, false, null);
        }
        // 40 contracts of 10,000.00 CNY on domestic compute at 30% ask 3,000.00 each, 120,000.00 in all,
        // against a budget of 100,000.00: 33 get 3,000.00, one gets the last 1,000.00, six get nothing.
        List<HoldCommand> contracts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contracts.add(new HoldCommand("ord-race-" + i, "ent-race-" + (i % 10), "ptn-hz-ascend", "91330110MA2B0PA001",
                    true, Category.COMPUTE, FacilityType.DOMESTIC, false, 1_000_000L, LocalDate.of(year, 3, 1), ZhinengMode.NONE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HoldService.Outcome>> answers = new ArrayList<>();
        for (HoldCommand c : contracts) {
            answers.add(pool.submit(() -> holds.hold(c)));
        }
        List<Long> held = new ArrayList<>();
        for (Future<HoldService.Outcome> a : answers) {
            held.add(a.get(60, TimeUnit.SECONDS).hold().suanliHeldFen);
        }
        pool.shutdown();

        assertThat(held).hasSize(40);
        assertThat(held.stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000_000L);
        assertThat(held.stream().filter(h -> h == 300_000L)).hasSize(33);
        assertThat(held.stream().filter(h -> h == 100_000L)).hasSize(1);
        assertThat(held.stream().filter(h -> h == 0L)).hasSize(6);

        Api.as("finance1").get("/api/budgets?year=" + year).then()
                .body("find { it.program == 'SUANLI' }.held", org.hamcrest.Matchers.equalTo("100000.00"))
                .body("find { it.program == 'SUANLI' }.remaining", org.hamcrest.Matchers.equalTo("0.00"));
        long holdRows = ((Number) em.createNativeQuery("select count(*) from subsidy_hold where order_id like 'ord-race-%'")
                .getSingleResult()).longValue();
        assertThat(holdRows).isEqualTo(40);
        long exhausted = ((Number) em.createNativeQuery(
                "select count(*) from subsidy_hold where order_id like 'ord-race-%' and reasons like '%BUDGET_EXHAUSTED%'")
                .getSingleResult()).longValue();
        assertThat(exhausted).isEqualTo(7);
    }
}
