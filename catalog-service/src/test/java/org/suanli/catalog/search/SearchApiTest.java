package org.suanli.catalog.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.catalog.TestData;
import org.suanli.catalog.capacity.CapacityLedger;
import org.suanli.catalog.offering.Category;
import org.suanli.catalog.offering.OfferingForm;
import org.suanli.catalog.offering.OfferingService;
import org.suanli.catalog.partner.FacilityType;
import org.suanli.catalog.partner.PartnerService;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.suanli.catalog.Api.PROBLEM;
import static org.suanli.catalog.Api.anonymous;
import static org.suanli.catalog.Api.as;
import static org.suanli.catalog.Api.forged;

/**
 * The shelf buyers search: only published offerings of approved partners, filtered and paged; sorted by
 * list price, or by net price when voucher-service answers. No voucher-service runs in these tests: that
 * is the "voucher-service down" case, where search still answers, by list price, and says so.
 */
@QuarkusTest
class SearchApiTest {

    /** Every accelerator model of this class contains RUN, so filtering by it isolates our offerings. */
    static final String RUN = TestData.unique("srch");
    static String a1, a2, b1, b2;
    static boolean seeded;

    @Inject
    PartnerService partners;

    @Inject
    OfferingService offerings;

    @Inject
    CapacityLedger ledger;

    @BeforeEach
    void shelf() {
        if (seeded) {
            return;
        }
        String a = "ptn-a-" + RUN, b = "ptn-b-" + RUN, c = "ptn-c-" + RUN;
        String fa = "fac-a-" + RUN, fb = "fac-b-" + RUN, fc = "fac-c-" + RUN;
        partners.apply(a, TestData.application("A " + RUN, TestData.facility(fa, "A DC", "余杭区", RUN + "-ASCEND", 64)), "test");
        partners.approve(a, TestData.approval(FacilityType.DOMESTIC, fa), "test");
        partners.apply(b, new org.suanli.catalog.partner.ApplicationForm("B " + RUN, TestData.creditCode(), List.of(
                new org.suanli.catalog.partner.FacilityForm(fb, "B DC", "滨江区", new BigDecimal("1.30"), List.of(
                        new org.suanli.catalog.partner.FacilityForm.AcceleratorForm(RUN + "-H100", 64),
                        new org.suanli.catalog.partner.FacilityForm.AcceleratorForm(RUN + "-L40S", 64))))), "test");
        partners.approve(b, TestData.approval(FacilityType.OTHER, fb), "test");
        partners.apply(c, TestData.application("C " + RUN, TestData.facility(fc, "C DC", "萧山区", RUN + "-DCU", 64)), "test");
        partners.approve(c, TestData.approval(FacilityType.DOMESTIC, fc), "test");

        a1 = publish(a, form(fa, RUN + "-ASCEND", 64, Category.COMPUTE, "11.50", "1000"));
        a2 = publish(a, form(fa, RUN + "-ASCEND", 64, Category.MODEL_SERVICE, "14.00", "500"));
        offerings.create(a, form(fa, RUN + "-ASCEND", 64, Category.COMPUTE, "12.00", "800")); // a draft
        offerings.withdraw(a, publish(a, form(fa, RUN + "-ASCEND", 64, Category.COMPUTE, "9.00", "800")));
        b1 = publish(b, form(fb, RUN + "-H100", 80, Category.COMPUTE, "29.80", "2000"));
        b2 = publish(b, form(fb, RUN + "-L40S", 48, Category.COMPUTE, "6.80", "300"));
        ledger.reserve("ord-" + RUN, b2, 2500, null); // 50.0 GPU-hours left
        publish(c, form(fc, RUN + "-DCU", 64, Category.COMPUTE, "8.00", "800"));
        partners.suspend(c, "under review", "test");
        seeded = true;
    }

    private String publish(String partner, OfferingForm form) {
        String id = offerings.create(partner, form).id();
        offerings.publish(partner, id);
        return id;
    }

    private static OfferingForm form(String facility, String model, int memory, Category category, String price, String capacity) {
        Instant now = Instant.now();
        return new OfferingForm(facility, model, 8, memory, new BigDecimal("300.0"), category,
                category == Category.MODEL_SERVICE ? "Zhejiang-Test-20240618" : null, price, capacity,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
    }

    private static String q(String more) {
        return "/api/offerings?acceleratorModel=" + RUN + (more.isEmpty() ? "" : "&" + more);
    }

    @Test
    void buyersSeeOnlyPublishedOfferingsOfApprovedPartnersCheapestFirst() {
        as("admin1").get(q("")).then().statusCode(200)
                .body("total", equalTo(4)).body("sortedBy", equalTo("price")).body("netPriceUnavailable", equalTo(false))
                .body("items.id", contains(b2, a1, a2, b1))
                .body("items.unitPrice", contains("6.80", "11.50", "14.00", "29.80"))
                .body("items.status", everyItem(equalTo("PUBLISHED")))
                .body("items.partnerStatus", everyItem(equalTo("APPROVED")))
                .body("items[0].capacityLeft", equalTo("50.0"));
    }

    @Test
    void filtersNarrowTheShelf() {
        as("admin1").get(q("category=MODEL_SERVICE")).then().statusCode(200).body("items.id", contains(a2)).body("total", equalTo(1));
        as("admin1").get(q("district=滨江区")).then().statusCode(200).body("items.id", contains(b2, b1));
        as("admin1").get(q("minMemoryGb=80")).then().statusCode(200).body("items.id", contains(b1));
        as("admin1").get(q("maxPrice=12.00")).then().statusCode(200).body("items.id", contains(b2, a1));
        as("admin1").get(q("minCapacityLeft=100")).then().statusCode(200).body("items.id", contains(a1, a2, b1));
        as("admin1").get(q("district=余杭区&category=COMPUTE")).then().statusCode(200).body("items.id", contains(a1));
        as("admin1").get("/api/offerings?acceleratorModel=" + RUN.toUpperCase() + "-h100").then().statusCode(200).body("items.id", contains(b1));
        as("admin1").get(q("maxPrice=1.00")).then().statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void resultsComeInPages() {
        as("finance1").get(q("size=3&page=0")).then().statusCode(200)
                .body("items.id", contains(b2, a1, a2)).body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(3));
        as("finance1").get(q("size=3&page=1")).then().statusCode(200).body("items.id", contains(b1)).body("total", equalTo(4));
        as("finance1").get(q("size=3&page=2")).then().statusCode(200).body("items", empty()).body("total", equalTo(4));
    }

    @Test
    void whenVoucherServiceIsDownABuyerStillGetsAnAnswerByListPriceAndIsToldSo() {
        as("sme1").get(q("sort=net")).then().statusCode(200)
                .body("sortedBy", equalTo("price")).body("netPriceUnavailable", equalTo(true))
                .body("notice", notNullValue())
                .body("items.id", contains(b2, a1, a2, b1))
                .body("items.net", everyItem(nullValue()));
        as("sme2").get(q("sort=price&size=2")).then().statusCode(200)
                .body("sortedBy", equalTo("price")).body("netPriceUnavailable", equalTo(true))
                .body("items.id", contains(b2, a1)).body("total", equalTo(4));
    }

    @Test
    void netPricesAreForBuyersOnly() {
        as("admin1").get(q("sort=net")).then().statusCode(200)
                .body("sortedBy", equalTo("price")).body("netPriceUnavailable", equalTo(true)).body("notice", notNullValue())
                .body("items.id", contains(b2, a1, a2, b1));
        as("partner1").get(q("")).then().statusCode(200).body("total", equalTo(4)).body("notice", nullValue());
    }

    @Test
    void searchNeedsAValidToken() {
        anonymous().get(q("")).then().statusCode(401).contentType(PROBLEM);
        forged("sme", "ent-xihu-ai").get(q("")).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void badSearchParametersAreA400() {
        for (String bad : new String[]{"sort=cheapest", "page=-1", "size=0", "size=1000", "maxPrice=abc", "maxPrice=-5",
                "category=GPU", "minMemoryGb=lots", "minCapacityLeft=1.25", "page=x", "hours=0", "zhinengMode=MAX"}) {
            as("sme1").get(q(bad)).then().statusCode(400).contentType(PROBLEM);
        }
    }
}
