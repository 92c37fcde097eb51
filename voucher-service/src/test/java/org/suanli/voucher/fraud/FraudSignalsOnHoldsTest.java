package org.suanli.voucher.fraud;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The fraud signals on the real path: orders placed on the broker, held by the consumer, the signals raised
 * when the hold is decided, and what becomes of the claim at delivery under {@code voucher.fraud.on-signal=review}
 * (the default): a flagged claim waits for the program office whatever its size. Each signal has a case that must
 * raise it and cases that must not. Each test has program years, buyers and partners of its own. Domestic compute
 * under HZ-2025: an SME gets 50 % while its declared year stays at or under 500,000.00, 30 % otherwise.
 */
@QuarkusTest
class FraudSignalsOnHoldsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void contracts_split_between_the_same_parties_across_the_sme_line_are_signalled_and_the_claim_waits_for_review() {
        int year = 2051;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-split", "91330106MA2FR0A001", true, null, null, null);
        String seller = "91330110MA2FR0P001";
        // 300,000.00 at 50 % = 150,000.00 (declared 300,000.00, under the line): nothing before it, no signal.
        String first = Market.placed("ent-fr-split", "ptn-fr-split", seller, "off-fr-split", 100_00, 300_000_00L, LocalDate.of(year, 3, 1));
        // 19 days later 250,000.00: declared 550,000.00 > 500,000.00, so 30 % = 75,000.00; two pieces of at most
        // 500,000.00 that together are 550,000.00: SPLIT_CONTRACTS, pointing to both.
        String second = Market.placed("ent-fr-split", "ptn-fr-split", seller, "off-fr-split", 100_00, 250_000_00L, LocalDate.of(year, 3, 20));

        Api.as("admin1").get("/api/holds/" + first).then().body("suanliHeld", equalTo("150000.00")).body("fraudSignals", empty());
        Api.as("admin1").get("/api/holds/" + second).then().statusCode(200).body("suanliHeld", equalTo("75000.00"))
                .body("fraudSignals.code", contains("SPLIT_CONTRACTS"))
                .body("fraudSignals[0].evidence", equalTo("2 contracts between the same buyer and seller within 30 days, "
                        + "each at most 500000.00 CNY, together 550000.00 CNY"))
                .body("fraudSignals[0].relatedOrders", contains(first, second));
        // In the order's history, by the system that decided the hold.
        Api.as("admin1").get("/api/audit?limit=200").then()
                .body("find { it.action == 'FRAUD_SIGNAL_RAISED' && it.subject == 'order:" + second + "' }.reason", equalTo("SPLIT_CONTRACTS"))
                .body("find { it.action == 'FRAUD_SIGNAL_RAISED' && it.subject == 'order:" + second + "' }.actor", equalTo("voucher-service"))
                .body("findAll { it.action == 'FRAUD_SIGNAL_RAISED' }.subject", not(hasItem("order:" + first)));

        // Delivered in full: the unflagged claim is paid at once; the flagged one, far below the 500,000.00
        // threshold, waits for review with the signal as its reason and is not payable.
        Contracts.delivered(first, 300_000_00L, "REDEEMED");
        Contracts.delivered(second, 250_000_00L, "IN_REVIEW");
        assertThat(Contracts.eventTypes(db, second)).containsExactly("SubsidyHeld", "SubsidyInReview");
        Api.as("finance1").get("/api/claims/" + second).then().statusCode(200).body("reason", equalTo("FRAUD_SIGNALS"))
                .body("suanli", equalTo("75000.00")).body("fraudSignals.code", contains("SPLIT_CONTRACTS"));
        Api.as("finance1").get("/api/claims").then()
                .body("find { it.orderId == '" + second + "' }.fraudSignals[0].relatedOrders", contains(first, second));
        assertThat(Contracts.figure(year, "SUANLI", "redeemed")).isEqualTo("150000.00");
        assertThat(Contracts.figure(year, "SUANLI", "held")).isEqualTo("75000.00");

        // The program office looks and recommends it, the finance bureau approves: paid as a large claim is.
        Api.as("admin1").body("{\"note\":\"one project, two phases: checked the contracts\"}").post("/api/claims/" + second + "/review")
                .then().statusCode(200).body("status", equalTo("REVIEWED"));
        Api.as("finance1").body("{}").post("/api/claims/" + second + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as("admin1").get("/api/holds/" + second).then().body("status", equalTo("REDEEMED")).body("suanliRedeemed", equalTo("75000.00"));
        assertThat(Contracts.figure(year, "SUANLI", "redeemed")).isEqualTo("225000.00");
    }

    @Test
    void contracts_that_stay_at_the_line_or_are_further_apart_than_the_window_are_not_signalled() {
        int year = 2052;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-nosplit", "91330106MA2FR0B001", true, null, null, null);
        String seller = "91330110MA2FR0P002";
        // 300,000.00 + 200,000.00 = 500,000.00: at the line, not across it.
        String a = Market.placed("ent-fr-nosplit", "ptn-fr-nosplit", seller, "off-fr-nosplit", 100_00, 300_000_00L, LocalDate.of(year, 3, 1));
        String b = Market.placed("ent-fr-nosplit", "ptn-fr-nosplit", seller, "off-fr-nosplit", 100_00, 200_000_00L, LocalDate.of(year, 3, 20));
        // 250,000.00 on 5 April: the 300,000.00 of 1 March is 35 days before, out of the 30-day window; with the
        // 200,000.00 of 20 March it makes 450,000.00.
        String c = Market.placed("ent-fr-nosplit", "ptn-fr-nosplit", seller, "off-fr-nosplit", 100_00, 250_000_00L, LocalDate.of(year, 4, 5));
        for (String order : List.of(a, b, c)) {
            Api.as("admin1").get("/api/holds/" + order).then().body("fraudSignals", empty());
        }
        // Unflagged and under the threshold: paid at delivery as before.
        Contracts.delivered(b, 200_000_00L, "REDEEMED");
        Api.as("admin1").get("/api/claims/" + b).then().statusCode(404);
    }

    @Test
    void a_seller_that_bought_from_its_buyer_within_90_days_is_a_round_trip() {
        int year = 2053;
        Contracts.budget("SUANLI", year, "10000000.00");
        String codeA = "91330106MA2FR0C001";
        String codeB = "91330106MA2FR0C002";
        Market.buyer("ent-fr-rt-a", codeA, true, null, null, null);
        Market.buyer("ent-fr-rt-b", codeB, true, null, null, null);
        // B buys 100,000.00 from A on 1 May; 45 days later A buys 100,000.00 from B (50 % = 50,000.00 each).
        String there = Market.placed("ent-fr-rt-b", "ptn-fr-rt-a", codeA, "off-fr-rt-a", 100_00, 100_000_00L, LocalDate.of(year, 5, 1));
        String back = Market.placed("ent-fr-rt-a", "ptn-fr-rt-b", codeB, "off-fr-rt-b", 100_00, 100_000_00L, LocalDate.of(year, 6, 15));
        Api.as("admin1").get("/api/holds/" + there).then().body("fraudSignals", empty());
        Api.as("admin1").get("/api/holds/" + back).then().body("suanliHeld", equalTo("50000.00"))
                .body("fraudSignals.code", contains("ROUND_TRIP"))
                .body("fraudSignals[0].evidence", equalTo("the seller bought from the buyer within 90 days"))
                .body("fraudSignals[0].relatedOrders", contains(there));
    }

    @Test
    void a_purchase_the_other_way_more_than_90_days_before_or_from_someone_else_is_no_round_trip() {
        int year = 2054;
        Contracts.budget("SUANLI", year, "10000000.00");
        String codeA = "91330106MA2FR0D001";
        String codeB = "91330106MA2FR0D002";
        Market.buyer("ent-fr-nrt-a", codeA, true, null, null, null);
        Market.buyer("ent-fr-nrt-b", codeB, true, null, null, null);
        // B bought from A on 10 January; A buys from B on 20 April, 100 days later; and from E, who never bought from A.
        Market.placed("ent-fr-nrt-b", "ptn-fr-nrt-a", codeA, "off-fr-nrt-a", 100_00, 100_000_00L, LocalDate.of(year, 1, 10));
        String late = Market.placed("ent-fr-nrt-a", "ptn-fr-nrt-b", codeB, "off-fr-nrt-b", 100_00, 100_000_00L, LocalDate.of(year, 4, 20));
        String other = Market.placed("ent-fr-nrt-a", "ptn-fr-nrt-e", "91330110MA2FR0P005", "off-fr-nrt-e", 100_00, 100_000_00L,
                LocalDate.of(year, 4, 21));
        Api.as("admin1").get("/api/holds/" + late).then().body("fraudSignals", empty());
        Api.as("admin1").get("/api/holds/" + other).then().body("fraudSignals", empty());
    }

    @Test
    void a_price_raised_by_more_than_10_percent_shortly_before_a_subsidised_order_is_signalled() {
        int year = 2055;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-price", "91330106MA2FR0E001", true, null, null, null);
        String seller = "91330110MA2FR0P006";
        // 10.00 per GPU-hour from 1 April, raised to 12.00 on 24 May; ordered on 31 May at 12.00 for 1,000 hours.
        Market.price(db, "off-fr-price-up", "ptn-fr-price", 10_00, LocalDate.of(year, 4, 1));
        Market.price(db, "off-fr-price-up", "ptn-fr-price", 12_00, LocalDate.of(year, 5, 24));
        String order = Market.placed("ent-fr-price", "ptn-fr-price", seller, "off-fr-price-up", 12_00, 12_000_00L, LocalDate.of(year, 5, 31));
        // 12,000.00 at 50 % = 6,000.00. In the 30 days before (from 1 May) the lowest price was 10.00, and
        // 12.00 > 10.00 × 110 % = 11.00.
        Api.as("admin1").get("/api/holds/" + order).then().body("suanliHeld", equalTo("6000.00"))
                .body("fraudSignals.code", contains("PRICE_RAISED_BEFORE_ORDER"))
                .body("fraudSignals[0].evidence", equalTo("ordered at 12.00 CNY per GPU-hour; the offering's lowest price "
                        + "in the 30 days before was 10.00 CNY"));
    }

    @Test
    void a_rise_within_10_percent_or_before_the_window_is_not_signalled() {
        int year = 2056;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-noprice", "91330106MA2FR0F001", true, null, null, null);
        String seller = "91330110MA2FR0P007";
        // 10.00 raised to 11.00 a week before: 11.00 is not above 10.00 × 110 % = 11.00.
        Market.price(db, "off-fr-price-small", "ptn-fr-noprice", 10_00, LocalDate.of(year, 4, 1));
        Market.price(db, "off-fr-price-small", "ptn-fr-noprice", 11_00, LocalDate.of(year, 5, 24));
        String small = Market.placed("ent-fr-noprice", "ptn-fr-noprice", seller, "off-fr-price-small", 11_00, 11_000_00L, LocalDate.of(year, 5, 31));
        // 10.00 raised to 12.00 on 20 April: on 1 May, the window's start, 12.00 was already in force.
        Market.price(db, "off-fr-price-old", "ptn-fr-noprice", 10_00, LocalDate.of(year, 3, 1));
        Market.price(db, "off-fr-price-old", "ptn-fr-noprice", 12_00, LocalDate.of(year, 4, 20));
        String old = Market.placed("ent-fr-noprice", "ptn-fr-noprice", seller, "off-fr-price-old", 12_00, 12_000_00L, LocalDate.of(year, 5, 31));
        Api.as("admin1").get("/api/holds/" + small).then().body("fraudSignals", empty());
        Api.as("admin1").get("/api/holds/" + old).then().body("fraudSignals", empty());
    }

    @Test
    void a_buyer_and_seller_sharing_an_address_without_being_recorded_as_related_are_signalled() {
        int year = 2057;
        Contracts.budget("SUANLI", year, "10000000.00");
        String seller = "91330110MA2FR0P008";
        Market.buyer("ent-fr-shared", "91330106MA2FR0G001", true, "王五", "杭州市西湖区 文三路 1 号", "0571-8888 0001");
        // The partner was vetted at the same address, written without the spaces.
        Market.partnerApproved(db, "ptn-fr-shared", seller, "赵六", "杭州市西湖区文三路1号", "0571-9999 0002");
        String order = Market.placed("ent-fr-shared", "ptn-fr-shared", seller, "off-fr-shared", 100_00, 100_000_00L, LocalDate.of(year, 2, 1));
        Api.as("admin1").get("/api/holds/" + order).then().body("suanliHeld", equalTo("50000.00"))
                .body("fraudSignals.code", contains("SHARED_PARTICULARS"))
                .body("fraudSignals[0].evidence", equalTo("buyer and seller share their address but are not recorded as related"));
    }

    @Test
    void parties_with_particulars_of_their_own_or_recorded_as_related_raise_no_shared_particulars() {
        int year = 2058;
        Contracts.budget("SUANLI", year, "10000000.00");
        String seller = "91330110MA2FR0P009";
        Market.partnerApproved(db, "ptn-fr-apart", seller, "赵六", "杭州市滨江区网商路 699 号", "0571-9999 0003");
        Market.buyer("ent-fr-apart", "91330106MA2FR0H001", true, "王五", "杭州市西湖区文三路 1 号", "0571-8888 0003");
        String apart = Market.placed("ent-fr-apart", "ptn-fr-apart", seller, "off-fr-apart", 100_00, 100_000_00L, LocalDate.of(year, 2, 1));
        Api.as("admin1").get("/api/holds/" + apart).then().body("suanliHeld", equalTo("50000.00")).body("fraudSignals", empty());

        // Same legal representative, but recorded as related: barred outright (RELATED_PARTY, nothing held), not a signal.
        Api.as("admin1").body("""
                {"name":"ent-fr-related","creditCode":"91330106MA2FR0H002","type":"ENTERPRISE","sme":true,
                 "legalRepresentative":"赵六","relatedPartyCreditCodes":["%s"],"reason":"group company"}""".formatted(seller))
                .put("/api/buyers/ent-fr-related").then().statusCode(200).body("legalRepresentative", equalTo("赵六"));
        String related = Market.placed("ent-fr-related", "ptn-fr-apart", seller, "off-fr-apart", 100_00, 100_000_00L, LocalDate.of(year, 2, 2));
        Api.as("admin1").get("/api/holds/" + related).then().body("suanliHeld", equalTo("0.00"))
                .body("reasons", hasItem("RELATED_PARTY")).body("fraudSignals", empty());
    }

    @Test
    void the_program_office_lists_the_signals_by_year_and_hold_status_and_nobody_else_may() {
        int year = 2059;
        Contracts.budget("SUANLI", year, "10000000.00");
        Market.buyer("ent-fr-list", "91330106MA2FR0J001", true, null, null, null);
        String seller = "91330110MA2FR0P010";
        String first = Market.placed("ent-fr-list", "ptn-fr-list", seller, "off-fr-list", 100_00, 400_000_00L, LocalDate.of(year, 7, 1));
        String second = Market.placed("ent-fr-list", "ptn-fr-list", seller, "off-fr-list", 100_00, 400_000_00L, LocalDate.of(year, 7, 2));

        Api.as("finance1").get("/api/fraud-signals?year=" + year).then().statusCode(200)
                .body("orderId", contains(second)).body("[0].code", equalTo("SPLIT_CONTRACTS"))
                .body("[0].buyerId", equalTo("ent-fr-list")).body("[0].partnerId", equalTo("ptn-fr-list"))
                .body("[0].programYear", equalTo(year)).body("[0].holdStatus", equalTo("HELD"))
                .body("[0].relatedOrders", contains(first, second))
                .body("[0].evidence", equalTo("2 contracts between the same buyer and seller within 30 days, each at most "
                        + "500000.00 CNY, together 800000.00 CNY"));
        Api.as("admin1").get("/api/fraud-signals?year=" + year + "&status=IN_REVIEW").then().statusCode(200).body("", empty());
        Contracts.delivered(second, 400_000_00L, "IN_REVIEW");
        Api.as("admin1").get("/api/fraud-signals?year=" + year + "&status=in_review").then().statusCode(200).body("orderId", contains(second))
                .body("[0].holdStatus", equalTo("IN_REVIEW"));
        Api.as("admin1").get("/api/fraud-signals").then().statusCode(200).body("orderId", hasItem(second));

        // For the program office and the finance bureau only; a buyer reading its own hold sees no signals.
        Api.as("sme1").get("/api/fraud-signals").then().statusCode(403);
        Api.anonymous().get("/api/fraud-signals").then().statusCode(401);
        Api.as("partner1").get("/api/claim-records/" + second).then().statusCode(404);
        // Bad input is refused as problem+json.
        Api.as("admin1").get("/api/fraud-signals?year=20x9").then().statusCode(400).contentType("application/problem+json");
        Api.as("admin1").get("/api/fraud-signals?status=SUSPICIOUS").then().statusCode(400).contentType("application/problem+json");
        // The claim record, part of the dossier buyer and partner read, says the claim is in review but not why.
        Api.as("admin1").get("/api/claim-records/" + second).then().statusCode(200).body("hold.fraudSignals", nullValue())
                .body("audit.action", hasItem("CLAIM_IN_REVIEW")).body("audit.action", not(hasItem("FRAUD_SIGNAL_RAISED")))
                .body("audit.find { it.action == 'CLAIM_IN_REVIEW' }.reason", equalTo("selected for review before payment"));
    }
}
