package org.suanli.settlement.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.KafkaProbe;
import org.suanli.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's figures (the JSON the page draws) and who may see them. Program year 2033 is this class's. */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class DashboardTest {

    static final int YEAR = 2033;
    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final LocalDate TODAY = LocalDate.now(Periods.SHANGHAI);

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(Periods.SHANGHAI).toInstant();
    }

    private static boolean prepared;

    /** Once per class, but after Quarkus has told RestAssured its port (a static @BeforeAll runs before). */
    @BeforeEach
    void aYearOfVouchersAndOrders() {
        if (prepared) {
            return;
        }
        prepared = true;
        FakeVoucherService.BUDGETS.put(String.valueOf(YEAR), """
                [{"program":"SUANLI","year":2033,"budget":"1000000.00","held":"0.00","redeemed":"270.00","remaining":"999730.00"},
                 {"program":"ZHINENG","year":2033,"budget":"200000.00","held":"0.00","redeemed":"20.00","remaining":"199980.00"}]""");
        String o1 = "ord-d1-" + RUN, o2 = "ord-d2-" + RUN, o3 = "ord-d3-" + RUN;
        // the burn-down: o1 held then redeemed (30 back), o2 held then released, o3 redeemed with a 智能券 part
        String held = Events.envelope(UUID.randomUUID(), VoucherEvents.HELD, o1, noonOf(TODAY.minusDays(3)),
                new VoucherEvents.Held(o1, "ent-xihu-ai", YEAR, "HZ-2025", 3000, 0, 30000, 0, List.of()));
        KafkaProbe.send(Events.topic(Topics.VOUCHERS), o1, held);
        KafkaProbe.send(Events.topic(Topics.VOUCHERS), o1, held); // redelivered: counted once
        Events.redeemed(o1, "ent-xihu-ai", YEAR, 27000, 0, 3000, 0, noonOf(TODAY.minusDays(2)));
        Events.held(o2, "ent-qiantang-bio", YEAR, 10000, 0, noonOf(TODAY.minusDays(2)));
        Events.released(o2, "ent-qiantang-bio", YEAR, 10000, 0, noonOf(TODAY.minusDays(1)));
        Events.held(o3, "ent-binjiang-robot", YEAR, 5000, 2000, noonOf(TODAY.minusDays(1)));
        Events.redeemed(o3, "ent-binjiang-robot", YEAR, 5000, 2000, 0, 0, noonOf(TODAY.minusDays(1)));
        // the ledger: o1 on a domestic facility, o3 a model service on another
        Events.sendCompleted(Events.completed(o1, "ent-xihu-ai", "ptn-hz-ascend", LocalDate.of(YEAR, 1, 2),
                noonOf(TODAY.minusDays(2)), 63000, 27000, 0, "DOMESTIC", "COMPUTE", "西湖区"));
        Events.sendCompleted(Events.completed(o3, "ent-binjiang-robot", "ptn-yuhang-gpu", LocalDate.of(YEAR, 1, 3),
                noonOf(TODAY.minusDays(1)), 13000, 5000, 2000, "OTHER", "MODEL_SERVICE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath d = as("finance1").queryParam("year", YEAR).get("/api/dashboard-data").then().statusCode(200).extract().jsonPath();
            assertEquals(2, d.getInt("ledger.orders"));
            assertEquals("0.00", d.getString("programs[0].held"));
            assertEquals("320.00", d.getString("programs[0].redeemed"));
            assertEquals("20.00", d.getString("programs[1].redeemed"));
        });
    }

    @Test
    void each_program_years_budget_burns_down_day_by_day_with_a_forecast() {
        JsonPath d = as("finance1").queryParam("year", YEAR).get("/api/dashboard-data").then().statusCode(200).extract().jsonPath();

        assertEquals("voucher-service", d.getString("budgetSource"));
        assertEquals("SUANLI", d.getString("programs[0].program"));
        assertEquals("1000000.00", d.getString("programs[0].budget"));
        assertEquals("999680.00", d.getString("programs[0].remaining"));
        assertEquals("320.00", d.getString("programs[0].ledgerSubsidy"));
        assertEquals(List.of(TODAY.minusDays(3).toString(), TODAY.minusDays(2).toString(), TODAY.minusDays(1).toString()),
                d.getList("programs[0].series.day"));
        assertEquals(List.of("300.00", "100.00", "0.00"), d.getList("programs[0].series.held"));
        assertEquals(List.of("0.00", "270.00", "320.00"), d.getList("programs[0].series.redeemed"));
        assertEquals(List.of("999700.00", "999630.00", "999680.00"), d.getList("programs[0].series.remaining"));
        // 320 yuan committed over the 4 days since the first movement: 80 yuan a day
        assertEquals("80.00", d.getString("programs[0].forecast.dailyBurn"));
        assertEquals(4, d.getInt("programs[0].forecast.windowDays"));
        assertNotNull(d.getString("programs[0].forecast.exhaustionDate"));
        assertEquals(TODAY.plusDays((99_968_000L + 7_999) / 8_000).toString(), d.getString("programs[0].forecast.exhaustionDate"));
        assertEquals(true, d.getBoolean("programs[0].forecast.outlastsYear"));
        assertEquals("ZHINENG", d.getString("programs[1].program"));
        assertEquals("200000.00", d.getString("programs[1].budget"));
        assertEquals(Tokens.bearer("finance1"), FakeVoucherService.lastAuthorization);
    }

    @Test
    void subsidy_is_broken_down_by_facility_type_category_partner_and_district_and_buyers_ranked() {
        JsonPath d = as("finance1").queryParam("year", YEAR).get("/api/dashboard-data").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of("DOMESTIC", "OTHER"), d.getList("byFacilityType.key"));
        assertEquals(List.of("270.00", "70.00"), d.getList("byFacilityType.total"));
        assertEquals(List.of("0.00", "20.00"), d.getList("byFacilityType.zhineng"));
        assertEquals(List.of("COMPUTE", "MODEL_SERVICE"), d.getList("byCategory.key"));
        assertEquals(List.of("ptn-hz-ascend", "ptn-yuhang-gpu"), d.getList("byPartner.key"));
        assertEquals(List.of("西湖区", "余杭区"), d.getList("byDistrict.key"));
        assertEquals(List.of("ent-xihu-ai", "ent-binjiang-robot"), d.getList("topBuyers.buyerId"));
        assertEquals(List.of("270.00", "70.00"), d.getList("topBuyers.subsidy"));
        assertEquals(List.of("900.00", "200.00"), d.getList("topBuyers.contractAmount"));
        assertEquals("1100.00", d.getString("ledger.contractAmount"));
        assertEquals("760.00", d.getString("ledger.buyerPaid"));
        assertEquals("320.00", d.getString("ledger.suanli"));
        assertEquals("20.00", d.getString("ledger.zhineng"));
    }

    @Test
    void when_voucher_service_is_down_the_last_budgets_it_gave_are_shown_as_cached() {
        as("finance1").queryParam("year", YEAR).get("/api/dashboard-data").then().statusCode(200);
        FakeVoucherService.failWith = 503;
        try {
            as("finance1").queryParam("year", YEAR).get("/api/dashboard-data").then().statusCode(200)
                    .body("budgetSource", containsString("cached"))
                    .body("programs[0].budget", equalTo("1000000.00"));
            as("finance1").queryParam("year", 2099).get("/api/dashboard-data").then().statusCode(200)
                    .body("budgetSource", containsString("unknown"))
                    .body("programs[0].budget", equalTo(null));
        } finally {
            FakeVoucherService.failWith = 0;
        }
    }

    @Test
    void only_finance_sees_the_dashboard() {
        as("admin1").get("/api/dashboard-data").then().statusCode(403).contentType("application/problem+json");
        as("partner1").get("/api/dashboard-data").then().statusCode(403);
        as("sme1").get("/api/dashboard-data").then().statusCode(403);
        given().get("/api/dashboard-data").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.forged("finance", "x")).get("/api/dashboard-data").then().statusCode(401);
        as("finance1").queryParam("year", "20x3").get("/api/dashboard-data").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_browser_without_a_session_is_sent_to_the_keycloak_login() {
        for (String path : List.of("/dashboard", "/dashboard/data")) {
            String location = given().redirects().follow(false).get(path).then().statusCode(302).extract().header("Location");
            assertTrue(location.startsWith(Tokens.REALM_URL + "/protocol/openid-connect/auth?"), location);
            assertTrue(location.contains("client_id=marketplace"), location);
        }
        // a bearer token is not a browser session: the page still wants the login
        given().redirects().follow(false).header("Authorization", Tokens.bearer("finance1")).get("/dashboard")
                .then().statusCode(302);
        // the page's own fetch() is told 499 instead of being redirected
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/dashboard/data")
                .then().statusCode(499);
    }
}
