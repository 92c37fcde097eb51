package org.suanli.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.suanli.testing.KafkaProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An order's life across the four running services, over the real Kafka broker, with real tokens.
 * Expected money is worked out by hand from POLICY.md in each comment, never by the code under test.
 */
class OrderJourneyTest {

    @Test
    void a_contract_goes_from_order_to_completed_with_the_exact_amounts_of_policy_case_P01() {
        // P01: an enterprise (not an SME) buys 1,000,000.00 CNY of compute on a DOMESTIC facility under HZ-2025:
        // 30% 算力券 = 300,000.00, the buyer pays 700,000.00. Here 80,000 GPU-hours at 12.50 CNY.
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "12.50", "100000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);

        String order = Orders.place(buyer.token(), offering, "80000.0", "NONE");
        JsonPath confirmed = Orders.awaitState(buyer.token(), order, "CONFIRMED");
        assertThat(confirmed.getString("estimate")).isEqualTo("1000000.00");
        assertThat(confirmed.getString("subsidy.suanliHeld")).isEqualTo("300000.00");
        assertThat(confirmed.getString("subsidy.suanliRate")).isEqualTo("0.30");
        assertThat(confirmed.getString("buyerPays")).isEqualTo("700000.00");

        Orders.deliver(partner.token(), order, "80000.0", "INV-" + UUID.randomUUID());
        // 1,000,000.00 is above the 500,000.00 review threshold: not payable, and the order not complete, until the
        // program office (admin1) has reviewed the claim and the finance bureau (finance1) has approved it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "IN_REVIEW".equals(
                Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then().extract().path("status")));
        assertThat(Orders.read(buyer.token(), order).getString("state")).isEqualTo("DELIVERED");
        Stack.as("finance1").baseUri(Stack.VOUCHER).body("{}").post("/api/claims/" + order + "/approve").then().statusCode(409);
        Stack.as("admin1").baseUri(Stack.VOUCHER).body("{\"note\":\"invoice and delivery report agree\"}")
                .post("/api/claims/" + order + "/review").then().statusCode(200);
        Stack.as("finance1").baseUri(Stack.VOUCHER).body("{}").post("/api/claims/" + order + "/approve").then().statusCode(200)
                .body("suanli", equalTo("300000.00"));
        JsonPath done = Orders.awaitState(buyer.token(), order, "COMPLETED");
        assertThat(done.getString("completion.actualAmount")).isEqualTo("1000000.00");
        assertThat(done.getString("completion.suanli")).isEqualTo("300000.00");
        assertThat(done.getString("completion.zhineng")).isEqualTo("0.00");
        assertThat(done.getString("completion.buyerPays")).isEqualTo("700000.00");
        assertThat(done.getString("completion.partnerOwed")).isEqualTo("1000000.00");

        // The partner's capacity was consumed, and the voucher side redeemed exactly what the order says.
        Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("20000.0"));
        Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then()
                .body("status", equalTo("REDEEMED")).body("suanliRedeemed", equalTo("300000.00"));
    }

    @Test
    void a_delivery_below_the_order_redeems_on_the_actual_amount_and_gives_the_rest_back() {
        // An SME on OTHER facilities, 智能券 applied for separately (P19's shape): 算力券 50% boosted, cut to 20%
        // by the 30% stack cap with 智能券 10%. Ordered 10,000.00 CNY (1,000 h at 10.00): held 2,000.00 + 1,000.00.
        // Delivered 600 h = 6,000.00: 1,200.00 + 600.00 redeemed, the buyer pays 4,200.00.
        Actors.Partner partner = Actors.approvedPartner("OTHER");
        String offering = Actors.publishedOffering(partner, "10.00", "5000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", true, false, null);

        String order = Orders.place(buyer.token(), offering, "1000.0", "SEPARATE_APPLICATION");
        JsonPath confirmed = Orders.awaitState(buyer.token(), order, "CONFIRMED");
        assertThat(confirmed.getString("subsidy.suanliHeld")).isEqualTo("2000.00");
        assertThat(confirmed.getString("subsidy.zhinengHeld")).isEqualTo("1000.00");
        assertThat(confirmed.getList("subsidy.reasons", String.class)).containsExactly("SME_BOOST", "STACK_CAPPED");

        Orders.deliver(partner.token(), order, "600.0", "INV-" + UUID.randomUUID());
        JsonPath done = Orders.awaitState(buyer.token(), order, "COMPLETED");
        assertThat(done.getString("completion.suanli")).isEqualTo("1200.00");
        assertThat(done.getString("completion.zhineng")).isEqualTo("600.00");
        assertThat(done.getString("completion.buyerPays")).isEqualTo("4200.00");
        // 400 h never used go back on the shelf.
        Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("4400.0"));
    }

    @Test
    void a_cancelled_order_gives_back_its_capacity_and_its_hold() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "500.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "200.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");

        Stack.withToken(buyer.token()).baseUri(Stack.ORDER).body("{\"reason\":\"plans changed\"}")
                .post("/api/orders/" + order + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        await(() -> Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then()
                .body("status", equalTo("RELEASED")));
        await(() -> Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("500.0")));
        // Cancelled is final: a delivery report is refused and changes nothing.
        Stack.withToken(partner.token()).baseUri(Stack.ORDER).body("{\"gpuHoursUsed\":\"10.0\",\"invoiceNumber\":\"INV-X\"}")
                .post("/api/orders/" + order + "/delivery").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void two_buyers_racing_for_the_last_capacity_never_oversell() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "10.0");
        Actors.Buyer first = Actors.buyer("ENTERPRISE", false, false, null);
        Actors.Buyer second = Actors.buyer("ENTERPRISE", false, false, null);

        List<CompletableFuture<io.restassured.response.Response>> posts = new ArrayList<>();
        for (Actors.Buyer b : List.of(first, second)) {
            posts.add(CompletableFuture.supplyAsync(() -> Stack.withToken(b.token()).baseUri(Stack.ORDER)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Orders.body(offering, "8.0", "NONE")).post("/api/orders")));
        }
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            io.restassured.response.Response r = posts.get(i).join();
            String token = i == 0 ? first.token() : second.token();
            if (r.statusCode() == 422) {
                states.add("REFUSED_AT_THE_DOOR"); // capacity already reserved when this one was placed
            } else {
                assertThat(r.statusCode()).isEqualTo(201);
                JsonPath end = Orders.awaitState(token, r.path("id"), "CONFIRMED", "REJECTED");
                states.add(end.getString("state"));
                if (end.getString("state").equals("REJECTED")) {
                    assertThat(end.getString("endReason")).isEqualTo("NO_CAPACITY");
                }
            }
        }
        assertThat(states).containsOnlyOnce("CONFIRMED");
        Stack.withToken(first.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("2.0"));
    }

    @Test
    void orders_placed_after_the_budget_runs_out_are_confirmed_with_zero_subsidy_and_say_why() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "10000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonPath budget = Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/budgets?year=" + year).then().statusCode(200)
                .extract().jsonPath();
        String original = budget.getString("find { it.program == 'SUANLI' }.budget");
        long committedFen = fen(budget.getString("find { it.program == 'SUANLI' }.held"))
                + fen(budget.getString("find { it.program == 'SUANLI' }.redeemed"));
        // Leave exactly 1,000.00 CNY in this year's 算力券 budget.
        setBudget(year, yuan(committedFen + 100_000), "e2e: leave 1,000.00 to exhaust");
        try {
            // Each order: 300 h × 10.00 = 3,000.00 CNY at 30% asks 900.00.
            String a = Orders.place(buyer.token(), offering, "300.0", "NONE");
            JsonPath first = Orders.awaitState(buyer.token(), a, "CONFIRMED");
            String b = Orders.place(buyer.token(), offering, "300.0", "NONE");
            JsonPath second = Orders.awaitState(buyer.token(), b, "CONFIRMED");
            String c = Orders.place(buyer.token(), offering, "300.0", "NONE");
            JsonPath third = Orders.awaitState(buyer.token(), c, "CONFIRMED");

            assertThat(first.getString("subsidy.suanliHeld")).isEqualTo("900.00");
            assertThat(second.getString("subsidy.suanliHeld")).isEqualTo("100.00");
            assertThat(second.getList("subsidy.reasons", String.class)).containsExactly("BUDGET_EXHAUSTED");
            assertThat(third.getString("subsidy.suanliHeld")).isEqualTo("0.00");
            assertThat(third.getList("subsidy.reasons", String.class)).containsExactly("BUDGET_EXHAUSTED");
            Stack.as("finance1").baseUri(Stack.VOUCHER).get("/api/budgets?year=" + year).then()
                    .body("find { it.program == 'SUANLI' }.remaining", equalTo("0.00"));
        } finally {
            setBudget(year, original, "e2e: restore the budget");
        }
    }

    @Test
    void an_enterprise_reaching_its_yearly_cap_gets_only_what_is_left_of_it() {
        // 30,000,000.00 CNY at 30% would be 9,000,000.00; the cap is 8,000,000.00 a year (rule 7).
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "12.50", "3000000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "2400000.0", "NONE");
        JsonPath confirmed = Orders.awaitState(buyer.token(), order, "CONFIRMED");
        assertThat(confirmed.getString("subsidy.suanliHeld")).isEqualTo("8000000.00");
        assertThat(confirmed.getList("subsidy.reasons", String.class)).containsExactly("ENTERPRISE_CAP");
        // The next contract of the same year gets nothing from 算力券.
        String next = Orders.place(buyer.token(), offering, "100.0", "NONE");
        JsonPath capped = Orders.awaitState(buyer.token(), next, "CONFIRMED");
        assertThat(capped.getString("subsidy.suanliHeld")).isEqualTo("0.00");
        assertThat(capped.getList("subsidy.reasons", String.class)).containsExactly("ENTERPRISE_CAP");
    }

    @Test
    void the_same_post_twice_with_one_idempotency_key_makes_one_order() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "100.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String key = UUID.randomUUID().toString();
        String body = Orders.body(offering, "5.0", "NONE");
        String a = Stack.withToken(buyer.token()).baseUri(Stack.ORDER).header("Idempotency-Key", key).body(body)
                .post("/api/orders").then().statusCode(201).extract().path("id");
        String b = Stack.withToken(buyer.token()).baseUri(Stack.ORDER).header("Idempotency-Key", key).body(body)
                .post("/api/orders").then().statusCode(200).extract().path("id");
        assertThat(b).isEqualTo(a);
        Stack.withToken(buyer.token()).baseUri(Stack.ORDER).header("Idempotency-Key", key)
                .body(Orders.body(offering, "6.0", "NONE")).post("/api/orders").then().statusCode(409);
        Orders.awaitState(buyer.token(), a, "CONFIRMED");
        Stack.withToken(buyer.token()).baseUri(Stack.ORDER).get("/api/orders").then().body("total", equalTo(1));
        Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("95.0"));
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing() throws Exception {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "100.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "20.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");

        // Replay order-service's OrderPlaced exactly as it was published.
        List<ConsumerRecord<String, String>> records = KafkaProbe.readUntil(Stack.topicPrefix() + "orders",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> order.equals(r.key()) && r.value().contains("OrderPlaced")));
        ConsumerRecord<String, String> placed = records.stream()
                .filter(r -> order.equals(r.key()) && r.value().contains("\"OrderPlaced\"")).findFirst().orElseThrow();
        KafkaProbe.send(Stack.topicPrefix() + "orders", placed.key(), placed.value());
        // Then a later event of the same order (same partition, so applied after the replay): the cancel.
        Stack.withToken(buyer.token()).baseUri(Stack.ORDER).post("/api/orders/" + order + "/cancel").then().statusCode(200);
        await(() -> Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then()
                .body("status", equalTo("RELEASED")));
        await(() -> Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                .body("capacityLeft", equalTo("100.0")));
        // One hold and one release in the voucher ledger: the replay held nothing.
        Stack.as("finance1").baseUri(Stack.VOUCHER).get("/api/ledger?orderId=" + order).then()
                .body("kind", org.hamcrest.Matchers.contains("HOLD", "RELEASE"));
    }

    @Test
    void a_buyer_cannot_read_another_buyers_order() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "100.0");
        Actors.Buyer owner = Actors.buyer("ENTERPRISE", false, false, null);
        Actors.Buyer other = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(owner.token(), offering, "1.0", "NONE");
        Stack.withToken(other.token()).baseUri(Stack.ORDER).get("/api/orders/" + order).then().statusCode(404)
                .contentType("application/problem+json");
        Stack.withToken(other.token()).baseUri(Stack.ORDER).post("/api/orders/" + order + "/cancel").then().statusCode(404);
        Stack.withToken(owner.token()).baseUri(Stack.ORDER).get("/api/orders/" + order).then().statusCode(200);
    }

    static void setBudget(int year, String budget, String reason) {
        Stack.as("admin1").baseUri(Stack.VOUCHER).body("{\"budget\":\"" + budget + "\",\"reason\":\"" + reason + "\"}")
                .put("/api/budgets/SUANLI/" + year).then().statusCode(200);
    }

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static void await(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(assertion);
    }
}
