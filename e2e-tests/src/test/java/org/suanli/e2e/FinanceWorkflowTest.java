package org.suanli.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The finance bureau's workflow across the services: the claim dossier, paying a batch, an ended order's subsidy. */
class FinanceWorkflowTest {

    @Test
    void a_completed_claim_has_one_dossier_for_buyer_partner_and_finance_and_paying_its_batch_is_posted() {
        // 1,000 h at 12.00 = 12,000.00 CNY of OTHER compute for an enterprise: 20 % 算力券 = 2,400.00, the buyer 9,600.00
        Actors.Partner partner = Actors.approvedPartner("OTHER");
        String offering = Actors.publishedOffering(partner, "12.00", "3000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "1000.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");
        String invoice = "INV-" + UUID.randomUUID();
        Orders.deliver(partner.token(), order, "1000.0", invoice);
        Orders.awaitState(buyer.token(), order, "COMPLETED");
        OrderJourneyTest.await(() -> Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/ledger/orders/" + order)
                .then().statusCode(200));
        String buyerCode = Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/buyers/" + buyer.id()).then()
                .extract().path("creditCode");
        String partnerCode = Stack.as("admin1").baseUri(Stack.CATALOG).get("/api/partners/" + partner.id()).then()
                .extract().path("creditCode");

        String path = "/api/dossiers/" + order;
        JsonPath d = Stack.withToken(buyer.token()).baseUri(Stack.SETTLEMENT).get(path).then().statusCode(200)
                .extract().jsonPath();
        assertThat(d.getString("dossier.contract.buyer.creditCode")).isEqualTo(buyerCode);
        assertThat(d.getString("dossier.contract.seller.creditCode")).isEqualTo(partnerCode);
        assertThat(d.getString("dossier.contract.unitPrice")).isEqualTo("12.00");
        assertThat(d.getInt("dossier.contract.offering.memoryGb")).isEqualTo(64);
        assertThat(d.getString("dossier.decision.suanliRate")).isEqualTo("0.20");
        assertThat(d.getString("dossier.decision.policyVersion")).isNotBlank();
        assertThat(d.getString("dossier.decision.suanliRedeemed")).isEqualTo("2400.00");
        assertThat(d.getList("dossier.budgetMovements.kind", String.class)).contains("HOLD", "REDEEM");
        assertThat(d.getString("dossier.delivery.invoiceNumber")).isEqualTo(invoice);
        assertThat(d.getString("dossier.settlement.partnerOwed")).isEqualTo("12000.00");
        assertThat(d.getString("dossier.settlement.suanli")).isEqualTo("2400.00");
        assertThat(d.getList("dossier.auditTrail.service", String.class))
                .contains("order-service", "settlement-service");
        String hash = d.getString("contentHash");
        assertThat(hash).matches("sha256:[0-9a-f]{64}");
        Stack.withToken(partner.token()).baseUri(Stack.SETTLEMENT).get(path).then().statusCode(200)
                .body("contentHash", equalTo(hash));
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).get(path).then().statusCode(200).body("contentHash", equalTo(hash));
        Stack.as("sme2").baseUri(Stack.SETTLEMENT).get(path).then().statusCode(404);
        Stack.as("partner2").baseUri(Stack.SETTLEMENT).get(path).then().statusCode(404);
        String html = Stack.withToken(buyer.token()).baseUri(Stack.SETTLEMENT).get(path + "/print").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains(hash).contains(invoice).contains(buyerCode);

        // the partner's batch holds this order alone: paying it clears the payable against the treasury
        long batch = Stack.as("finance1").baseUri(Stack.SETTLEMENT).queryParam("partner", partner.id()).get("/api/batches")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
        String b = "/api/batches/" + batch;
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).post(b + "/close").then().statusCode(200).body("total", equalTo("12000.00"));
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).post(b + "/approve").then().statusCode(200);
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).body(Map.of("paymentReference", "E2E-" + partner.id(), "amount", "12000.01"))
                .post(b + "/pay").then().statusCode(422);
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).body(Map.of("paymentReference", "E2E-" + partner.id(), "amount", "12000.00"))
                .post(b + "/pay").then().statusCode(200).body("paid", equalTo("12000.00")).body("open", equalTo("0.00"));
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).queryParam("account", "partner:" + partner.id())
                .get("/api/ledger/trial-balance").then().statusCode(200).body("balanced", equalTo(true))
                .body("accounts[0].debits", equalTo("12000.00")).body("accounts[0].credits", equalTo("12000.00"))
                .body("accounts[0].balance", equalTo("0.00"));

        // the printed copy is now out of date, and the check says so
        Stack.withToken(buyer.token()).baseUri(Stack.SETTLEMENT).queryParam("hash", hash).get(path + "/verify").then()
                .statusCode(200).body("current", equalTo(false))
                .body("verdict", equalTo("the copy was issued by the system, but the dossier has changed since"));
        Stack.withToken(buyer.token()).baseUri(Stack.SETTLEMENT).get(path).then()
                .body("dossier.settlement.batches[0].paymentReference", equalTo("E2E-" + partner.id()));
    }

    @Test
    void a_cancelled_order_never_shows_its_subsidy_as_held_while_voucher_service_gives_it_back() throws InterruptedException {
        // the buyer cancels a confirmed order: from then on its subsidy reads RELEASED, as voucher-service will have it
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "100.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", true, false, null);
        String order = Orders.place(buyer.token(), offering, "50.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");
        Stack.withToken(buyer.token()).baseUri(Stack.ORDER).post("/api/orders/" + order + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("subsidy.status", equalTo("RELEASED"));
        List<String> seen = new ArrayList<>();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String voucherStatus = null;
        while (Instant.now().isBefore(until)) {
            JsonPath o = Orders.read(buyer.token(), order);
            String shown = o.getString("subsidy.status");
            seen.add(o.getString("state") + "/" + shown);
            voucherStatus = Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then().extract()
                    .path("status");
            if ("RELEASED".equals(voucherStatus) && "RELEASED".equals(shown)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(voucherStatus).isEqualTo("RELEASED");
        assertThat(seen).isNotEmpty().allMatch(s -> s.equals("CANCELLED/RELEASED"), "an ended order's subsidy is released");
    }
}
