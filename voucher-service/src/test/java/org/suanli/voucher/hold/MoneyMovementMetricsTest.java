package org.suanli.voucher.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.money.Money;
import org.suanli.voucher.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the budget officer's dashboard reads on /q/metrics: each hold, redemption and release counted by
 * program with its fen, and the year's budget figures as gauges equal to what the budget API says.
 */
@QuarkusTest
class MoneyMovementMetricsTest {

    static final LocalDate CONTRACT_DATE = LocalDate.of(2026, 11, 20);

    @BeforeEach
    void buyer() {
        Api.registerBuyer("ent-metrics-sme", "91330106MA2B0ME001", "ENTERPRISE", true, false, null);
    }

    @Test
    void a_hold_and_its_redemption_are_counted_by_program_in_fen() {
        double holds = metric("suanli_voucher_movements_total{kind=\"HOLD\",program=\"SUANLI\"}");
        double heldFen = metric("suanli_voucher_movement_fen_total{kind=\"HOLD\",program=\"SUANLI\"}");
        double redeemedFen = metric("suanli_voucher_movement_fen_total{kind=\"REDEEM\",program=\"SUANLI\"}");
        double releasedFen = metric("suanli_voucher_movement_fen_total{kind=\"RELEASE\",program=\"SUANLI\"}");

        // 100,000.00 CNY of domestic compute for an SME: 50% → 50,000.00 held (5,000,000 fen).
        String order = "ord-" + UUID.randomUUID();
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, "ent-metrics-sme", "COMPUTE", "DOMESTIC", 10_000_000L, CONTRACT_DATE, "NONE")));
        awaitStatus(order, "HELD");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("suanli_voucher_movements_total{kind=\"HOLD\",program=\"SUANLI\"}") - holds).isEqualTo(1);
            assertThat(metric("suanli_voucher_movement_fen_total{kind=\"HOLD\",program=\"SUANLI\"}") - heldFen).isEqualTo(5_000_000);
        });

        // Delivered 80,000.00: 40,000.00 redeemed, 10,000.00 of the hold released.
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.DELIVERED, order,
                new OrderEvents.Delivered(order, "off-1", 1000, 800, 8_000_000L, "INV-M1")));
        awaitStatus(order, "REDEEMED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("suanli_voucher_movement_fen_total{kind=\"REDEEM\",program=\"SUANLI\"}") - redeemedFen).isEqualTo(4_000_000);
            assertThat(metric("suanli_voucher_movement_fen_total{kind=\"RELEASE\",program=\"SUANLI\"}") - releasedFen).isEqualTo(1_000_000);
        });
    }

    @Test
    void the_budget_gauges_say_what_the_budget_api_says() {
        // The gauges are read on scrape at most every 5 s: wait until they caught up with the table.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var budget = Api.as("finance1").get("/api/budgets?year=2026").then().statusCode(200).extract().jsonPath();
            long total = Money.parseYuan(budget.getString("find { it.program == 'SUANLI' }.budget"));
            long held = Money.parseYuan(budget.getString("find { it.program == 'SUANLI' }.held"));
            long remaining = Money.parseYuan(budget.getString("find { it.program == 'SUANLI' }.remaining"));
            assertThat(metric("suanli_budget_fen{program=\"SUANLI\",year=\"2026\"}")).isEqualTo(total);
            assertThat(metric("suanli_budget_held_fen{program=\"SUANLI\",year=\"2026\"}")).isEqualTo(held);
            assertThat(metric("suanli_budget_remaining_fen{program=\"SUANLI\",year=\"2026\"}")).isEqualTo(remaining);
        });
    }

    static double metric(String series) {
        String body = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
        assertThat(m.find()).as("%s on /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    static void awaitStatus(String order, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(Api.as("admin1").get("/api/holds/" + order).then().extract().path("status")));
    }
}
