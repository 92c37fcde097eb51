package org.suanli.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What the finance bureau sees once contracts complete: the ledger, the partner's statement, reconciliation. */
class SettlementTest {

    @Test
    void a_completed_order_is_in_the_ledger_and_reconciles_with_the_vouchers_to_the_fen() {
        // 2,000 h at 15.00 = 30,000.00 CNY of OTHER compute for an enterprise: 20% 算力券 = 6,000.00.
        Actors.Partner partner = Actors.approvedPartner("OTHER");
        String offering = Actors.publishedOffering(partner, "15.00", "5000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "2000.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");
        Orders.deliver(partner.token(), order, "2000.0", "INV-" + UUID.randomUUID());
        Orders.awaitState(buyer.token(), order, "COMPLETED");

        OrderJourneyTest.await(() -> Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/ledger/orders/" + order)
                .then().statusCode(200));
        JsonPath ledger = Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/ledger/orders/" + order).then()
                .extract().jsonPath();
        assertThat(ledger.getString("buyerPays")).isEqualTo("24000.00");
        assertThat(ledger.getString("suanli")).isEqualTo("6000.00");
        assertThat(ledger.getString("zhineng")).isEqualTo("0.00");
        assertThat(ledger.getString("partnerOwed")).isEqualTo("30000.00");
        // The partner sees it too; another partner does not.
        Stack.withToken(partner.token()).baseUri(Stack.SETTLEMENT).get("/api/ledger/orders/" + order).then().statusCode(200);
        Stack.as("partner2").baseUri(Stack.SETTLEMENT).get("/api/ledger/orders/" + order).then().statusCode(404);

        // Everything the normal flows did this year reconciles: no difference, not a fen.
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/reconciliation?period=" + year).then().statusCode(200)
                .body("clean", equalTo(true)).body("mismatchCount", equalTo(0))
                .body("totals.suanliDifferenceFen", equalTo(0)).body("totals.zhinengDifferenceFen", equalTo(0))
                .body("missingInLedger.size()", equalTo(0)).body("missingInVoucher.size()", equalTo(0));
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/ledger/trial-balance").then().body("balanced", equalTo(true));
    }
}
