package org.suanli.settlement.reconciliation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ledger against voucher-service's own redeemed figures (a stand-in serves them), order by order.
 * Program year 2032 is this class's.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class ReconciliationTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String R1 = "ord-r1-" + RUN, R2 = "ord-r2-" + RUN, R3 = "ord-r3-" + RUN, R4 = "ord-r4-" + RUN,
            R5 = "ord-r5-" + RUN, R6 = "ord-r6-" + RUN;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    private static boolean prepared;

    /** Once per class, but after Quarkus has told RestAssured its port (a static @BeforeAll runs before). */
    @BeforeEach
    void ledgerHasTheYearsOrders() {
        if (prepared) {
            return;
        }
        prepared = true;
        send(R1, "2032-03-05T02:00:00Z", 86415, 37035, 0);
        send(R2, "2032-03-06T02:00:00Z", 60000, 15000, 9000);
        send(R3, "2032-03-07T02:00:00Z", 1000, 500, 0);
        send(R4, "2032-03-08T02:00:00Z", 9900, 0, 0);      // no voucher at all
        send(R5, "2032-04-02T02:00:00Z", 1000, 250, 50);   // voucher-service does not know it
        for (String id : List.of(R1, R2, R3, R4, R5)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
        }
        FakeVoucherService.REDEMPTIONS.put("2032", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(R1, 2032, "370.35", "0.00"),
                FakeVoucherService.redemption(R2, 2032, "150.01", "89.90"),
                FakeVoucherService.redemption(R3, 2032, "5.00", "0.00"),
                FakeVoucherService.redemption(R6, 2032, "7.00", "0.00"))));
        FakeVoucherService.REDEMPTIONS.put("2032-03", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(R1, 2032, "370.35", "0.00"),
                FakeVoucherService.redemption(R2, 2032, "150.00", "90.00"),
                FakeVoucherService.redemption(R3, 2032, "5.00", "0.00"))));
    }

    /** Contracted and completed the same day: the period (year, month) is the contract date's, on both sides. */
    static void send(String id, String completedAt, long buyer, long suanli, long zhineng) {
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", "ptn-hz-ascend", LocalDate.parse(completedAt.substring(0, 10)),
                Instant.parse(completedAt), buyer, suanli, zhineng, "DOMESTIC", "COMPUTE", "西湖区"));
    }

    @Test
    void every_mismatch_and_missing_order_of_the_year_is_listed_with_its_difference_in_fen() {
        JsonPath r = as("finance1").queryParam("period", "2032").get("/api/reconciliation")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("2032", r.getString("period"));
        assertEquals(5, r.getInt("ledgerOrders"));
        assertEquals(4, r.getInt("voucherOrders"));
        assertEquals(3, r.getInt("matched"), "R1, R3 and R4 (no voucher on either side)");
        assertEquals(false, r.getBoolean("clean"));
        assertEquals(1, r.getInt("mismatchCount"));
        assertEquals(R2, r.getString("mismatches[0].orderId"));
        assertEquals("150.00", r.getString("mismatches[0].ledgerSuanli"));
        assertEquals("150.01", r.getString("mismatches[0].voucherSuanli"));
        assertEquals(-1, r.getLong("mismatches[0].suanliDifferenceFen"));
        assertEquals(10, r.getLong("mismatches[0].zhinengDifferenceFen"));
        assertEquals(List.of(R6), r.getList("missingInLedger.orderId"));
        assertEquals("7.00", r.getString("missingInLedger[0].suanli"));
        assertEquals(List.of(R5), r.getList("missingInVoucher.orderId"));
        assertEquals("2.50", r.getString("missingInVoucher[0].suanli"));
        assertEquals("0.50", r.getString("missingInVoucher[0].zhineng"));
        // ledger 370.35 + 150.00 + 5.00 + 2.50 = 527.85; voucher 370.35 + 150.01 + 5.00 + 7.00 = 532.36
        assertEquals("527.85", r.getString("totals.ledgerSuanli"));
        assertEquals("532.36", r.getString("totals.voucherSuanli"));
        assertEquals(-451, r.getLong("totals.suanliDifferenceFen"));
        assertEquals(60, r.getLong("totals.zhinengDifferenceFen"));
        assertEquals(Tokens.bearer("finance1"), FakeVoucherService.lastAuthorization,
                "voucher-service is asked with the finance user's own token");
    }

    @Test
    void after_the_normal_flows_a_month_reconciles_to_zero_fen() {
        JsonPath r = as("finance1").queryParam("year", "2032").queryParam("month", "3").get("/api/reconciliation")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("2032-03", r.getString("period"));
        assertEquals(4, r.getInt("matched"));
        assertEquals(true, r.getBoolean("clean"));
        assertEquals(0, r.getLong("totals.suanliDifferenceFen"));
        assertEquals(0, r.getLong("totals.zhinengDifferenceFen"));
        as("admin1").queryParam("period", "2032-03").get("/api/reconciliation").then().statusCode(200)
                .body("clean", equalTo(true));
    }

    @Test
    void the_csv_export_lists_what_needs_explaining_and_the_totals() {
        byte[] bytes = as("finance1").queryParam("period", "2032").get("/api/reconciliation/csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("reconciliation-2032.csv")).extract().asByteArray();
        // UTF-8 with its byte-order mark (EF BB BF), CRLF line ends: what Excel on Chinese Windows opens right
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);

        assertEquals("\uFEFF" + String.join("\r\n",
                ReconciliationCsv.HEADER,
                "MISMATCH," + R2 + ",150.00,150.01,-1,90.00,89.90,10",
                "MISSING_IN_LEDGER," + R6 + ",0.00,7.00,-700,0.00,0.00,0",
                "MISSING_IN_VOUCHER," + R5 + ",2.50,0.00,250,0.50,0.00,50",
                "TOTAL,,527.85,532.36,-451,90.50,89.90,60",
                "MATCHED,3,,,,,,",
                "MATCHED_ORDER," + R1 + ",370.35,370.35,0,0.00,0.00,0",
                "MATCHED_ORDER," + R3 + ",5.00,5.00,0,0.00,0.00,0",
                "MATCHED_ORDER," + R4 + ",0.00,0.00,0,0.00,0.00,0",
                "STATUS,3 differences to explain,,,,,,") + "\r\n", csv);
    }

    @Test
    void only_finance_and_admin_reconcile() {
        as("partner1").queryParam("period", "2032").get("/api/reconciliation").then().statusCode(403)
                .contentType("application/problem+json");
        as("sme1").queryParam("period", "2032").get("/api/reconciliation/csv").then().statusCode(403);
        given().queryParam("period", "2032").get("/api/reconciliation").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.forged("finance", "x")).queryParam("period", "2032")
                .get("/api/reconciliation").then().statusCode(401);
    }

    @Test
    void malformed_periods_are_refused() {
        for (Map<String, String> q : List.of(Map.of("period", "2032-13"), Map.of("period", "2032-1"), Map.of("period", "32"),
                Map.of("year", "abc"), Map.of("year", "2032", "month", "13"), Map.of("month", "3"), Map.<String, String>of(),
                Map.of("period", "2032", "year", "2032"))) {
            as("finance1").queryParams(q).get("/api/reconciliation").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void when_voucher_service_fails_the_answer_says_so() {
        FakeVoucherService.failWith = 500;
        try {
            as("finance1").queryParam("period", "2032").get("/api/reconciliation").then().statusCode(502)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://suanli.market/problems/voucher-service-refused"));
        } finally {
            FakeVoucherService.failWith = 0;
        }
    }
}
