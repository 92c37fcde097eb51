package org.suanli.voucher.buyer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.testing.Tokens;
import org.suanli.voucher.Api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class BuyerRegistryTest {

    @BeforeEach
    void registered() {
        Api.registerBuyer("ent-xihu-ai", "91330106MA2B0XH001", "ENTERPRISE", true, false, null);
        Api.registerBuyer("ent-qiantang-bio", "91330114MA2B0QT002", "ENTERPRISE", false, false, null);
    }

    @Test
    void a_buyer_reads_its_own_record() {
        Api.as("sme1").get("/api/buyers/me").then().statusCode(200)
                .body("id", equalTo("ent-xihu-ai")).body("sme", equalTo(true)).body("type", equalTo("ENTERPRISE"));
    }

    @Test
    void a_buyer_cannot_see_another_buyer_not_even_that_it_exists() {
        Api.as("sme1").get("/api/buyers/ent-qiantang-bio").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void only_admin_registers_buyers() {
        Api.as("sme1").body("""
                        {"name":"x","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true,"reason":"mine"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(403).contentType("application/problem+json");
        Api.as("finance1").get("/api/buyers").then().statusCode(200).body("id", hasItem("ent-xihu-ai"));
    }

    @Test
    void no_token_or_a_forged_one_is_refused() {
        Api.anonymous().get("/api/buyers/me").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().header("Authorization", "Bearer " + Tokens.forged("admin", "ent-xihu-ai"))
                .get("/api/buyers").then().statusCode(401);
    }

    @Test
    void malformed_registrations_are_refused_and_change_nothing() {
        String before = Api.as("admin1").get("/api/buyers/ent-xihu-ai").asString();
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"123","type":"ENTERPRISE","sme":true,"reason":"typo"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://suanli.market/problems/"));
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"COMPANY","sme":true,"reason":"enum"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(400);
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true,"colour":"red","reason":"x"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(400);
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true,
                         "capOverride":"20000000.00","reason":"not a foundation-model enterprise"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(422);
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true,
                         "foundationModel":true,"capOverride":"20000000.001","reason":"three decimals"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(400);
        // An override may only raise the policy's 8,000,000.00 cap (放宽): one at or below it would never apply.
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true,
                         "foundationModel":true,"capOverride":"1000.00","reason":"a lower cap"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(422).contentType("application/problem+json");
        Api.as("admin1").body("""
                        {"name":"Renamed","creditCode":"91330106MA2B0XH001","type":"UNIVERSITY","sme":false,
                         "foundationModel":true,"capOverride":"20000000.00","reason":"a university"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(422);
        Api.as("admin1").get("/api/buyers/ent-xihu-ai").then().body(equalTo(before));
    }

    @Test
    void every_change_is_in_the_audit_trail_with_its_reason() {
        Api.as("finance1").get("/api/audit").then().statusCode(200)
                .body("find { it.subject == 'buyer:ent-xihu-ai' }.reason", equalTo("test registration"))
                .body("find { it.subject == 'buyer:ent-xihu-ai' }.actor", equalTo("admin1"));
    }
}
