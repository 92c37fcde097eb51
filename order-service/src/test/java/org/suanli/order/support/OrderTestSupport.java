package org.suanli.order.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.suanli.testing.Tokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Placing and reading orders over HTTP as the demo users do. */
public final class OrderTestSupport {

    /** A window tomorrow, well clear of "now". */
    public static final Instant START = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    public static final Instant END = START.plus(2, ChronoUnit.DAYS);

    private OrderTestSupport() {
    }

    public static String body(String offeringId, String gpuHours) {
        return body(offeringId, gpuHours, START, END, "NONE");
    }

    public static String body(String offeringId, String gpuHours, Instant start, Instant end, String mode) {
        return """
                {"offeringId":"%s","gpuHours":"%s","windowStart":"%s","windowEnd":"%s","zhinengMode":"%s"}
                """.formatted(offeringId, gpuHours, start, end, mode);
    }

    public static ValidatableResponse post(String user, String key, String body) {
        return given().header("Authorization", Tokens.bearer(user)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/orders").then();
    }

    /** Places an order as {@code user} and returns its id. */
    public static String place(String user, String offeringId, String gpuHours) {
        return post(user, UUID.randomUUID().toString(), body(offeringId, gpuHours)).statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse get(String user, String orderId) {
        return given().header("Authorization", Tokens.bearer(user)).when().get("/api/orders/" + orderId).then();
    }

    public static String state(String orderId) {
        return get("admin1", orderId).statusCode(200).extract().path("state");
    }

    public static ValidatableResponse deliver(String user, String orderId, String hours, String invoice) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON)
                .body("{\"gpuHoursUsed\":\"" + hours + "\",\"invoiceNumber\":\"" + invoice + "\"}")
                .when().post("/api/orders/" + orderId + "/delivery").then();
    }

    public static ValidatableResponse cancel(String user, String orderId) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON)
                .body("{\"reason\":\"plans changed\"}")
                .when().post("/api/orders/" + orderId + "/cancel").then();
    }
}
