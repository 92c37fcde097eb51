package org.suanli.order.order;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.suanli.order.support.Catalog;
import org.suanli.order.support.CatalogStub;
import org.suanli.order.support.Emitted;
import org.suanli.order.support.Neighbours;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.testing.KafkaProbe;
import org.suanli.testing.Tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.order.support.OrderTestSupport.END;
import static org.suanli.order.support.OrderTestSupport.START;
import static org.suanli.order.support.OrderTestSupport.body;
import static org.suanli.order.support.OrderTestSupport.cancel;
import static org.suanli.order.support.OrderTestSupport.deliver;
import static org.suanli.order.support.OrderTestSupport.get;
import static org.suanli.order.support.OrderTestSupport.place;
import static org.suanli.order.support.OrderTestSupport.post;

/** Placing and reading orders over HTTP with real Keycloak tokens; catalog-service played by a stand-in. */
@QuarkusTest
@WithTestResource(CatalogStub.class)
class OrderApiTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource ds;

    @Inject
    EventCodec codec;

    long orders() {
        return Emitted.count(ds, "select count(*) from orders");
    }

    // ------------------------------------------------------------------ placing

    @Test
    void a_buyer_places_an_order_at_the_offerings_price_and_order_placed_is_recorded() {
        String offering = Catalog.offering("8.00", "5000.0");
        String key = UUID.randomUUID().toString();
        var created = post("sme1", key, body(offering, "12.5")).statusCode(201)
                .contentType(ContentType.JSON)
                .body("state", equalTo("PLACED"))
                .body("buyerId", equalTo("ent-xihu-ai"))
                .body("offering.id", equalTo(offering))
                .body("offering.partnerId", equalTo(Catalog.PARTNER))
                // the seller's credit code on the contract, as catalog gave it when the order was placed
                .body("offering.partnerCreditCode", equalTo("91330100MA2H3X4K5L"))
                .body("offering.facilityType", equalTo("DOMESTIC"))
                .body("gpuHours", equalTo("12.5"))
                .body("unitPrice", equalTo("8.00"))
                .body("estimate", equalTo("100.00"))
                .body("contractDate", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .body("capacity", equalTo("PENDING"))
                .body("subsidy.status", equalTo("PENDING"))
                .body("buyerPays", nullValue())
                .body("history[0].to", equalTo("PLACED"))
                .body("history[0].actor", equalTo("sme1"))
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/orders/" + id), created.header("Location"));

        assertEquals("Bearer " + Tokens.of("sme1"), Catalog.authorizationSeen(offering),
                "catalog is read with the buyer's own token");
        List<Emitted.Row> out = Emitted.outbox(ds, id);
        assertEquals(List.of("OrderPlaced"), out.stream().map(Emitted.Row::type).toList());
        String envelope = out.get(0).envelope();
        for (String fact : List.of("\"buyerId\":\"ent-xihu-ai\"", "\"partnerId\":\"ptn-hz-ascend\"", "\"partnerApproved\":true",
                "\"gpuHoursTenths\":125", "\"unitPriceFen\":800", "\"estimatedAmountFen\":10000", "\"category\":\"COMPUTE\"",
                "\"facilityType\":\"DOMESTIC\"", "\"filedModel\":false", "\"zhinengMode\":\"NONE\"",
                "\"partnerCreditCode\":\"91330100MA2H3X4K5L\"")) {
            assertEquals(true, envelope.contains(fact), fact + " in " + envelope);
        }
        assertEquals(true, out.get(0).topic().endsWith("orders"));
    }

    @Test
    void the_same_key_and_body_give_the_same_order_once_another_body_is_a_conflict() {
        String offering = Catalog.offering("8.00", "5000.0");
        String key = UUID.randomUUID().toString();
        long before = orders();
        String first = post("sme1", key, body(offering, "10")).statusCode(201).extract().path("id");
        // the same request: same instants written with another offset, same hours written with a decimal
        String again = """
                {"offeringId":"%s","gpuHours":"10.0","windowStart":"%s","windowEnd":"%s","zhinengMode":"NONE"}
                """.formatted(offering, START.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), END);
        post("sme1", key, again).statusCode(200).body("id", equalTo(first));
        post("sme1", key, body(offering, "10")).statusCode(200).body("id", equalTo(first));
        assertEquals(before + 1, orders());
        assertEquals(1, Emitted.types(ds, first).size(), "one OrderPlaced");

        post("sme1", key, body(offering, "11")).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/idempotency-key-reused"))
                .body("detail", containsString(first));
        assertEquals(before + 1, orders());

        // keys are the buyer's own: another buyer with the same key places its own order
        String other = post("sme2", key, body(offering, "10")).statusCode(201).extract().path("id");
        assertEquals(false, other.equals(first));
    }

    @Test
    void the_same_key_posted_in_parallel_still_makes_one_order() throws Exception {
        String offering = Catalog.offering("8.00", "5000.0");
        String key = UUID.randomUUID().toString();
        long before = orders();
        Tokens.of("sme1");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> post("sme1", key, body(offering, "7")).extract()));
            }
            Set<String> ids = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (var a : answers) {
                var r = a.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertEquals(1, ids.size(), "one order for one key: " + ids);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(before + 1, orders());
            assertEquals(List.of("OrderPlaced"), Emitted.types(ds, ids.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * POSTs that arrive together are created in one transaction (a group commit): each still gets its own order,
     * its own answer and its own trace, and a reused key in the same batch refuses or replays only itself.
     */
    @Test
    void orders_posted_together_each_get_their_own_order_answer_and_trace() throws Exception {
        String offering = Catalog.offering("8.00", "5000.0");
        String reused = UUID.randomUUID().toString();
        String repeated = UUID.randomUUID().toString();
        record Post(String user, String key, String body, String traceId) {
        }
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(new Post(i % 2 == 0 ? "sme1" : "sme2", UUID.randomUUID().toString(), body(offering, (i + 1) + ".5"),
                    traceId()));
        }
        posts.add(new Post("sme1", reused, body(offering, "2"), traceId()));
        posts.add(new Post("sme1", reused, body(offering, "3"), traceId()));
        posts.add(new Post("sme2", repeated, body(offering, "4"), traceId()));
        posts.add(new Post("sme2", repeated, body(offering, "4"), traceId()));
        Tokens.of("sme1");
        Tokens.of("sme2");
        long before = orders();
        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        try {
            List<Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> answers = new ArrayList<>();
            for (Post p : posts) {
                answers.add(pool.submit(() -> given().header("Authorization", Tokens.bearer(p.user()))
                        .header("Idempotency-Key", p.key()).header("traceparent", "00-" + p.traceId() + "-00f067aa0ba902b7-01")
                        .contentType(ContentType.JSON).body(p.body()).when().post("/api/orders").then().extract()));
            }
            List<io.restassured.response.ExtractableResponse<io.restassured.response.Response>> got = new ArrayList<>();
            for (var a : answers) {
                got.add(a.get(60, TimeUnit.SECONDS));
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                assertEquals(201, got.get(i).statusCode(), got.get(i).asString());
                String id = got.get(i).path("id");
                ids.add(id);
                // its own answer: the hours it asked for, an order its buyer finds as its own
                assertEquals((i + 1) + ".5", got.get(i).path("gpuHours"));
                get(posts.get(i).user(), id).statusCode(200).body("gpuHours", equalTo((i + 1) + ".5"));
                List<Emitted.Row> placed = Emitted.outbox(ds, id);
                assertEquals(List.of("OrderPlaced"), placed.stream().map(Emitted.Row::type).toList());
                assertEquals(true, placed.get(0).envelope().contains("\"traceparent\":\"00-" + posts.get(i).traceId() + "-"),
                        "order " + id + " continues the trace of the POST that placed it: " + placed.get(0).envelope());
            }
            assertEquals(20, ids.size(), "twenty keys, twenty orders");

            // The same key with two bodies: one placed, the other refused with 409 naming it.
            List<Integer> reuse = List.of(got.get(20).statusCode(), got.get(21).statusCode());
            assertEquals(true, reuse.contains(201) && reuse.contains(409), reuse.toString());
            var refused = got.get(20 + reuse.indexOf(409));
            var made = got.get(20 + reuse.indexOf(201));
            assertEquals(true, refused.asString().contains("idempotency-key-reused") && refused.asString().contains(made.path("id")),
                    refused.asString());
            // The same key with the same body: one order, answered to both.
            List<Integer> repeat = List.of(got.get(22).statusCode(), got.get(23).statusCode());
            assertEquals(true, repeat.contains(201) && repeat.contains(200), repeat.toString());
            assertEquals(got.get(22).<String>path("id"), got.get(23).<String>path("id"));

            assertEquals(before + 22, orders());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void without_an_idempotency_key_nothing_is_placed() {
        String offering = Catalog.offering("8.00", "5000.0");
        long before = orders();
        given().header("Authorization", Tokens.bearer("sme1")).contentType(ContentType.JSON)
                .body(body(offering, "10")).when().post("/api/orders")
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/idempotency-key-required"));
        post("sme1", " ", body(offering, "10")).statusCode(400);
        assertEquals(before, orders());
    }

    @Test
    void bad_orders_are_refused_with_problem_json_and_change_nothing() {
        String offering = Catalog.offering("8.00", "100.0");
        String withdrawn = Catalog.offering(Catalog.newOfferingId(), "8.00", "100.0", "WITHDRAWN", "APPROVED");
        // still PUBLISHED in catalog, but its partner is suspended: refused at once like a withdrawn one
        String suspended = Catalog.offering(Catalog.newOfferingId(), "8.00", "100.0", "PUBLISHED", "SUSPENDED");
        long before = orders();
        Instant past = Instant.now().minus(2, ChronoUnit.DAYS);

        record Bad(String body, int status, String type) {
        }
        List<Bad> bad = List.of(
                new Bad(body(Catalog.newOfferingId(), "10"), 422, "unknown-offering"),
                new Bad(body(withdrawn, "10"), 422, "offering-not-available"),
                new Bad(body(suspended, "10"), 422, "offering-not-available"),
                new Bad(body(offering, "0"), 400, "invalid-request"),
                new Bad(body(offering, "0.0"), 400, "invalid-request"),
                new Bad(body(offering, "12.55"), 400, "invalid-request"),
                new Bad(body(offering, "-3"), 400, "invalid-request"),
                new Bad(body(offering, "lots"), 400, "invalid-request"),
                new Bad(body(offering, "100.1"), 422, "not-enough-capacity"),
                new Bad(body(offering, "10", past, past.plus(1, ChronoUnit.DAYS), "NONE"), 422, "window-in-past"),
                new Bad(body(offering, "10", END, START, "NONE"), 400, "invalid-request"),
                new Bad(body(offering, "10", START, START, "NONE"), 400, "invalid-request"),
                new Bad(body(offering, "10", START, END, "HALF"), 400, "invalid-request"),
                new Bad("{\"offeringId\":\"" + offering + "\",\"gpuHours\":\"10\",\"windowStart\":\"" + START
                        + "\",\"windowEnd\":\"" + END + "\",\"discount\":\"0.5\"}", 400, "invalid-request"),
                new Bad("{\"offeringId\":\"" + offering + "\",\"gpuHours\":\"10\"}", 400, "invalid-request"),
                new Bad("{\"offeringId\":\"../../admin\",\"gpuHours\":\"10\",\"windowStart\":\"" + START
                        + "\",\"windowEnd\":\"" + END + "\"}", 400, "invalid-request"),
                new Bad("not json", 400, "invalid-request"));
        for (Bad b : bad) {
            post("sme1", UUID.randomUUID().toString(), b.body()).statusCode(b.status()).contentType(PROBLEM)
                    .body("type", endsWith("/" + b.type()));
        }
        assertEquals(before, orders());
        // exactly the capacity left is fine
        post("sme1", UUID.randomUUID().toString(), body(offering, "100.0")).statusCode(201);
    }

    @Test
    void when_catalog_is_down_the_order_is_refused_with_503_and_nothing_is_saved_then_the_retry_works() {
        String offering = Catalog.offering("8.00", "100.0");
        String key = UUID.randomUUID().toString();
        long before = orders();
        Catalog.down();
        try {
            post("sme1", key, body(offering, "10")).statusCode(503).contentType(PROBLEM)
                    .body("type", endsWith("/catalog-unavailable"));
        } finally {
            Catalog.up();
        }
        post("sme1", UUID.randomUUID().toString(), body(Catalog.failing(500), "10")).statusCode(503).contentType(PROBLEM);
        assertEquals(before, orders());
        // the key was not spent on the failure
        post("sme1", key, body(offering, "10")).statusCode(201);
    }

    @Test
    void after_catalog_was_down_long_enough_to_open_the_breaker_orders_are_taken_again_once_it_is_back() {
        String offering = Catalog.offering("8.00", "100.0");
        long before = orders();
        Catalog.down();
        try {
            for (int i = 0; i < 12; i++) {
                post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(503).contentType(PROBLEM)
                        .body("type", endsWith("/catalog-unavailable"));
            }
        } finally {
            Catalog.up();
        }
        assertEquals(before, orders());
        String key = UUID.randomUUID().toString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> post("sme1", key, body(offering, "1")).extract().statusCode() == 201);
        assertEquals(before + 1, orders());
    }

    @Test
    void an_offering_ordered_on_once_takes_orders_while_catalog_is_down() {
        String offering = Catalog.offering("8.00", "100.0");
        post("sme1", UUID.randomUUID().toString(), body(offering, "10")).statusCode(201);
        long before = orders();
        Catalog.down();
        try {
            // catalog-service's reservation decides later, when it is back; the buyer's order is not lost meanwhile
            post("sme1", UUID.randomUUID().toString(), body(offering, "10")).statusCode(201)
                    .body("estimate", equalTo("80.00"));
            // what the copy cannot accept is not refused on its say-so: it needs catalog, which is away
            post("sme1", UUID.randomUUID().toString(), body(offering, "100.1")).statusCode(503).contentType(PROBLEM)
                    .body("type", endsWith("/catalog-unavailable"));
        } finally {
            Catalog.up();
        }
        assertEquals(before + 1, orders());
    }

    @Test
    void orders_arriving_together_on_an_offering_not_yet_known_ask_catalog_once() throws Exception {
        // A restarted order-service knows no offering, and the orders retried meanwhile arrive at once.
        String offering = Catalog.offering("8.00", "100.0");
        long before = orders();
        Catalog.answerAfter(400);
        ExecutorService buyers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(buyers.submit(() -> post("sme1", UUID.randomUUID().toString(), body(offering, "1")).extract().statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(201, a.get(20, TimeUnit.SECONDS));
            }
        } finally {
            Catalog.answerAfter(0);
            buyers.shutdownNow();
        }
        assertEquals(before + 8, orders());
        assertEquals(1, Catalog.readsOf(offering), "the eight orders waited for one read instead of reading eight times");
    }

    @Test
    void an_offering_catalog_announces_withdrawn_is_refused_at_once_though_it_was_ordered_on_a_moment_ago() {
        String offering = Catalog.offering("8.00", "100.0");
        post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(201);
        Catalog.offering(offering, "8.00", "99.0", "WITHDRAWN", "APPROVED");
        Neighbours.toCatalogTopic(offering, Neighbours.envelope(codec, CatalogEvents.OFFERING_WITHDRAWN, offering, null,
                "catalog-service", new CatalogEvents.OfferingChanged(offering, Catalog.PARTNER, "WITHDRAWN", 800, 990)));
        awaitRefused(offering);
    }

    @Test
    void a_partner_catalog_announces_suspended_has_its_offerings_refused_at_once() {
        String offering = Catalog.offering("8.00", "100.0");
        post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(201);
        Catalog.offering(offering, "8.00", "99.0", "PUBLISHED", "SUSPENDED");
        KafkaProbe.send(Neighbours.prefix() + CatalogEvents.PARTNERS_TOPIC, Catalog.PARTNER,
                Neighbours.envelope(codec, CatalogEvents.PARTNER_SUSPENDED, Catalog.PARTNER, null, "catalog-service",
                        new CatalogEvents.PartnerStatusChanged(Catalog.PARTNER, "SUSPENDED", "filing lapsed")));
        awaitRefused(offering);
    }

    /** The test profile keeps a read for a minute: only catalog's announcement can make the next order see the change. */
    private void awaitRefused(String offering) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> post("sme1", UUID.randomUUID().toString(), body(offering, "1")).extract().statusCode() == 422);
        post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/offering-not-available"));
    }

    // ------------------------------------------------------------------ roles

    @Test
    void only_a_buyer_places_orders() {
        String offering = Catalog.offering("8.00", "100.0");
        for (String user : List.of("partner1", "admin1", "finance1")) {
            post(user, UUID.randomUUID().toString(), body(offering, "1")).statusCode(403).contentType(PROBLEM);
        }
        given().header("Idempotency-Key", "k").contentType(ContentType.JSON).body(body(offering, "1"))
                .when().post("/api/orders").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + Tokens.forged("sme", "ent-xihu-ai")).header("Idempotency-Key", "k")
                .contentType(ContentType.JSON).body(body(offering, "1"))
                .when().post("/api/orders").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void reading_needs_a_real_token_of_a_marketplace_role() {
        for (String user : List.of("sme1", "partner1", "admin1", "finance1")) {
            given().header("Authorization", Tokens.bearer(user)).when().get("/api/orders").then().statusCode(200);
        }
        given().when().get("/api/orders").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + Tokens.forged("admin", "x")).when().get("/api/orders")
                .then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/orders/anything").then().statusCode(401);
    }

    @Test
    void only_partners_report_delivery_and_only_buyers_cancel() {
        String id = place("sme1", Catalog.offering("8.00", "100.0"), "10");
        deliver("sme1", id, "1", "INV-1").statusCode(403).contentType(PROBLEM);
        deliver("admin1", id, "1", "INV-1").statusCode(403);
        cancel("partner1", id).statusCode(403);
        cancel("finance1", id).statusCode(403);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/orders/" + id + "/cancel").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged("partner", Catalog.PARTNER)).contentType(ContentType.JSON)
                .body("{\"gpuHoursUsed\":\"1\",\"invoiceNumber\":\"INV-1\"}")
                .when().post("/api/orders/" + id + "/delivery").then().statusCode(401);
    }

    // ------------------------------------------------------------------ reading

    @Test
    void a_buyer_sees_only_its_own_orders_and_a_partner_only_those_on_its_offerings() {
        String id = place("sme1", Catalog.offering("8.00", "100.0"), "10");

        get("sme1", id).statusCode(200).body("id", equalTo(id));
        get("partner1", id).statusCode(200).body("id", equalTo(id));
        get("admin1", id).statusCode(200);
        get("finance1", id).statusCode(200);
        get("sme2", id).statusCode(404).contentType(PROBLEM);
        get("partner2", id).statusCode(404).contentType(PROBLEM);
        get("sme1", "no-such-order").statusCode(404).contentType(PROBLEM);

        given().header("Authorization", Tokens.bearer("sme2")).queryParam("size", 100).when().get("/api/orders")
                .then().statusCode(200).body("items.id", not(hasItem(id))).body("items.buyerId", everyItem(equalTo("ent-qiantang-bio")));
        given().header("Authorization", Tokens.bearer("partner2")).queryParam("size", 100).when().get("/api/orders")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("partner1")).queryParam("size", 100).when().get("/api/orders")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.offering.partnerId", everyItem(equalTo(Catalog.PARTNER)));

        // nor can another buyer cancel it, or another partner report its delivery
        cancel("sme2", id).statusCode(404);
        deliver("partner2", id, "1", "INV-1").statusCode(404);
        get("sme1", id).statusCode(200).body("state", equalTo("PLACED"));
    }

    @Test
    void listings_filter_by_state_and_period_newest_first_page_by_page() {
        String offering = Catalog.offering("8.00", "1000.0");
        String a = place("sme3", offering, "1");
        String b = place("sme3", offering, "2");
        String c = place("sme3", offering, "3");
        cancel("sme3", b).statusCode(200).body("state", equalTo("CANCELLED"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        given().header("Authorization", Tokens.bearer("sme3")).queryParam("size", 2).when().get("/api/orders")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.size()", equalTo(2)).body("items[0].id", equalTo(c)).body("items[0].history", nullValue());
        int total = given().header("Authorization", Tokens.bearer("sme3")).when().get("/api/orders")
                .then().extract().path("total");
        given().header("Authorization", Tokens.bearer("sme3")).queryParam("size", 2).queryParam("page", (total - 1) / 2)
                .when().get("/api/orders").then().statusCode(200).body("items.size()", equalTo(total % 2 == 0 ? 2 : 1));

        given().header("Authorization", Tokens.bearer("sme3")).queryParam("state", "CANCELLED").queryParam("size", 100)
                .when().get("/api/orders").then().statusCode(200)
                .body("items.id", hasItem(b)).body("items.id", not(hasItem(a))).body("items.state", everyItem(equalTo("CANCELLED")));
        given().header("Authorization", Tokens.bearer("sme3")).queryParam("from", today).queryParam("to", today)
                .queryParam("size", 100).when().get("/api/orders").then().statusCode(200).body("items.id", hasItem(a));
        given().header("Authorization", Tokens.bearer("sme3")).queryParam("from", "2020-01-01").queryParam("to", "2020-12-31")
                .when().get("/api/orders").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", Tokens.bearer("finance1")).queryParam("state", "CANCELLED").queryParam("size", 100)
                .when().get("/api/orders").then().statusCode(200).body("items.id", hasItem(b));

        for (String[] q : new String[][]{{"state", "LOST"}, {"from", "yesterday"}, {"size", "0"}, {"size", "101"}, {"page", "-1"}}) {
            given().header("Authorization", Tokens.bearer("sme3")).queryParam(q[0], q[1]).when().get("/api/orders")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().header("Authorization", Tokens.bearer("sme3")).queryParam("from", today).queryParam("to", "2020-01-01")
                .when().get("/api/orders").then().statusCode(400);
    }

    @Test
    void a_buyer_cancels_with_or_without_a_note_once() {
        String offering = Catalog.offering("8.00", "100.0");
        String quiet = place("sme1", offering, "1");
        given().header("Authorization", Tokens.bearer("sme1")).when().post("/api/orders/" + quiet + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED")).body("endReason", equalTo("BUYER_CANCELLED"));
        String noted = place("sme1", offering, "1");
        cancel("sme1", noted).statusCode(200).body("history[1].reason", containsString("plans changed"))
                .body("history[1].actor", equalTo("sme1"));
        cancel("sme1", noted).statusCode(409).contentType(PROBLEM).body("type", endsWith("/order-state-conflict"));
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), Emitted.types(ds, noted));
    }
}
