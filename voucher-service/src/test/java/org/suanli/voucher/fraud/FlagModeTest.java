package org.suanli.voucher.fraud;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code voucher.fraud.on-signal=flag}: a flagged claim is paid at delivery as any other; the signal stays in its
 * history and in the program office's list.
 */
@QuarkusTest
@TestProfile(FlagModeTest.FlagMode.class)
class FlagModeTest {

    public static class FlagMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voucher.fraud.on-signal", "flag");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void a_flagged_claim_is_paid_at_delivery_and_keeps_its_flag() {
        int year = 2060;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-flag", "91330106MA2FR0K001", true, null, null, null);
        String seller = "91330110MA2FR0P011";
        // 300,000.00 (50 % = 150,000.00), then 250,000.00 (declared 550,000.00: 30 % = 75,000.00): split across the line.
        String first = Market.placed("ent-fr-flag", "ptn-fr-flag", seller, "off-fr-flag", 100_00, 300_000_00L, LocalDate.of(year, 3, 1));
        String second = Market.placed("ent-fr-flag", "ptn-fr-flag", seller, "off-fr-flag", 100_00, 250_000_00L, LocalDate.of(year, 3, 20));
        Api.as("admin1").get("/api/holds/" + second).then().body("fraudSignals.code", contains("SPLIT_CONTRACTS"));

        Contracts.delivered(second, 250_000_00L, "REDEEMED");
        Api.as("admin1").get("/api/holds/" + second).then().body("suanliRedeemed", equalTo("75000.00"))
                .body("fraudSignals[0].relatedOrders", contains(first, second));
        Api.as("admin1").get("/api/claims/" + second).then().statusCode(404);
        assertThat(Contracts.eventTypes(db, second)).containsExactly("SubsidyHeld", "SubsidyRedeemed");
        assertThat(Contracts.figure(year, "SUANLI", "redeemed")).isEqualTo("75000.00");
        Api.as("finance1").get("/api/fraud-signals?year=" + year).then().body("orderId", contains(second))
                .body("[0].holdStatus", equalTo("REDEEMED"));
        Api.as("admin1").get("/api/audit?limit=200").then()
                .body("find { it.action == 'FRAUD_SIGNAL_RAISED' && it.subject == 'order:" + second + "' }.reason", equalTo("SPLIT_CONTRACTS"));
    }
}
