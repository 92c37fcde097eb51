package org.suanli.voucher.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.suanli.voucher.Contracts.figure;
import static org.suanli.voucher.Contracts.usage;

/** A hold an admin placed by hand for an off-platform contract can be released or voided, with a reason. */
@QuarkusTest
class ManualHoldsTest {

    static final String BUYER = "ent-manual-big";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void buyer() {
        Api.registerBuyer(BUYER, "91330106MA2B0MH001", "ENTERPRISE", false, false, null);
    }

    static String manualHold(int year, String amount) {
        String order = "off-" + UUID.randomUUID();
        Api.as("admin1").body("""
                        {"orderId":"%s","buyerId":"%s","partnerId":"ptn-hz-ascend","partnerCreditCode":"91330110MA2B0PA001",
                         "category":"COMPUTE","facilityType":"DOMESTIC","amount":"%s","contractDate":"%d-03-01"}"""
                        .formatted(order, BUYER, amount, year))
                .post("/api/holds").then().statusCode(201).body("origin", equalTo("MANUAL"));
        return order;
    }

    @Test
    void a_released_manual_hold_gives_its_budget_and_cap_back_once() {
        int year = 2061;
        Contracts.budget("SUANLI", year, "1000000.00");
        // 100,000.00 CNY domestic at 30% → 30,000.00 held.
        String order = manualHold(year, "100000.00");
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("30000.00");
        assertThat(usage(year, BUYER, "suanliHeld")).isEqualTo("30000.00");
        assertThat(usage(year, BUYER, "declared")).isEqualTo("100000.00");

        Api.as("finance1").body("{\"reason\":\"contract withdrawn\"}").post("/api/holds/" + order + "/release").then().statusCode(403);
        Api.as("admin1").body("{\"reason\":\"\"}").post("/api/holds/" + order + "/release").then().statusCode(400);
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("30000.00");

        Api.as("admin1").body("{\"reason\":\"contract withdrawn by the buyer\"}").post("/api/holds/" + order + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("0.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("1000000.00");
        assertThat(usage(year, BUYER, "suanliHeld")).isEqualTo("0.00");
        assertThat(usage(year, BUYER, "declared")).isEqualTo("0.00");
        Contracts.Recorded released = Contracts.events(db, order).get(1);
        assertThat(released.type()).isEqualTo("SubsidyReleased");
        assertThat(released.payload().path("reason").asText()).isEqualTo("MANUAL_RELEASE: contract withdrawn by the buyer");

        // Again: nothing changes. Voiding a released hold: refused.
        Api.as("admin1").body("{\"reason\":\"contract withdrawn by the buyer\"}").post("/api/holds/" + order + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        Api.as("admin1").body("{\"reason\":\"entered twice\"}").post("/api/holds/" + order + "/void")
                .then().statusCode(409).body("type", equalTo("https://suanli.market/problems/hold-not-held"));
        Api.as("finance1").get("/api/ledger?orderId=" + order).then().body("kind", contains("HOLD", "RELEASE"));
        assertThat(Contracts.eventTypes(db, order)).containsExactly("SubsidyHeld", "SubsidyReleased");
        Api.as("admin1").get("/api/audit?limit=20").then()
                .body("find { it.action == 'HOLD_RELEASED' && it.subject == 'order:" + order + "' }.actor", equalTo("admin1"))
                .body("find { it.action == 'HOLD_PLACED' && it.subject == 'order:" + order + "' }.actor", equalTo("admin1"));
    }

    @Test
    void a_manual_hold_entered_in_error_is_voided() {
        int year = 2062;
        Contracts.budget("SUANLI", year, "1000000.00");
        String order = manualHold(year, "20000.00");
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("6000.00");
        Api.as("admin1").body("{\"reason\":\"entered twice\"}").post("/api/holds/" + order + "/void")
                .then().statusCode(200).body("status", equalTo("VOIDED"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("0.00");
        assertThat(usage(year, BUYER, "suanliHeld")).isEqualTo("0.00");
        Api.as("admin1").body("{\"reason\":\"changed my mind\"}").post("/api/holds/" + order + "/release").then().statusCode(409);
        Api.as("admin1").body("{\"reason\":\"x\"}").post("/api/holds/off-nobody/void").then().statusCode(404);
    }

    @Test
    void a_hold_that_follows_an_order_cannot_be_released_by_hand() {
        int year = 2063;
        Contracts.budget("SUANLI", year, "1000000.00");
        String order = "ord-" + UUID.randomUUID();
        Contracts.placed(order, BUYER, 1_000_000L, LocalDate.of(year, 3, 1), "NONE");
        Api.as("admin1").body("{\"reason\":\"tidy up\"}").post("/api/holds/" + order + "/release").then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/not-a-manual-hold"));
        Api.as("admin1").get("/api/holds/" + order).then().body("status", equalTo("HELD")).body("origin", equalTo("ORDER"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("3000.00");
    }
}
