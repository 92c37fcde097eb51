package org.suanli.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suanli.testing.Tokens;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The stack as deploy/run.sh starts it: tokens, health, one authenticated call each, an event crossing services. */
class SmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"sme1", "sme2", "sme3", "uni1", "partner1", "partner2", "partner3", "admin1", "finance1"})
    void every_demo_user_gets_a_token_with_its_role(String user) {
        String role = user.replaceAll("\\d", "").replace("uni", "sme");
        assertThat(Tokens.claims(Tokens.of(user)).path("realm_access").path("roles").toString()).contains(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {Stack.CATALOG, Stack.ORDER, Stack.VOUCHER, Stack.SETTLEMENT})
    void every_service_is_ready_with_its_database_and_kafka(String url) {
        RestAssured.get(url + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void every_service_answers_an_authenticated_call_and_refuses_an_anonymous_one() {
        Stack.as("sme1").baseUri(Stack.CATALOG).get("/api/offerings").then().statusCode(200);
        Stack.as("sme1").baseUri(Stack.ORDER).get("/api/orders").then().statusCode(200);
        Stack.as("sme1").baseUri(Stack.VOUCHER).get("/api/buyers/me").then().statusCode(200);
        Stack.as("finance1").baseUri(Stack.SETTLEMENT).get("/api/batches").then().statusCode(200);
        for (String url : new String[]{Stack.CATALOG + "/api/offerings", Stack.ORDER + "/api/orders",
                Stack.VOUCHER + "/api/buyers/me", Stack.SETTLEMENT + "/api/batches"}) {
            RestAssured.get(url).then().statusCode(401);
        }
    }

    @Test
    void an_order_placed_in_order_service_reaches_catalog_and_voucher_service_through_kafka() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "100.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);
        String order = Orders.place(buyer.token(), offering, "10.0", "NONE");
        // order-service's outbox → orders topic → voucher-service holds, catalog-service reserves.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("admin1").baseUri(Stack.VOUCHER).get("/api/holds/" + order).then().statusCode(200)
                        .body("status", equalTo("HELD")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.withToken(buyer.token()).baseUri(Stack.CATALOG).get("/api/offerings/" + offering).then()
                        .body("capacityLeft", equalTo("90.0")));
    }
}
