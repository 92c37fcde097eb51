package org.suanli.e2e;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Placing and following orders through order-service as a buyer would. */
final class Orders {

    private Orders() {
    }

    static String body(String offeringId, String gpuHours, String zhinengMode) {
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
        return """
                {"offeringId":"%s","gpuHours":"%s","windowStart":"%s","windowEnd":"%s","zhinengMode":"%s"}"""
                .formatted(offeringId, gpuHours, start, start.plus(7, ChronoUnit.DAYS), zhinengMode);
    }

    /** Places an order and returns its id (201 Created). */
    static String place(String buyerToken, String offeringId, String gpuHours, String zhinengMode) {
        return Stack.withToken(buyerToken).baseUri(Stack.ORDER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(offeringId, gpuHours, zhinengMode)).post("/api/orders")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath read(String token, String orderId) {
        return Stack.withToken(token).baseUri(Stack.ORDER).get("/api/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits until the order reaches one of the given states; returns the order as then read. */
    static JsonPath awaitState(String token, String orderId, String... states) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = read(token, orderId);
            return java.util.Arrays.asList(states).contains(last[0].getString("state"));
        });
        return last[0];
    }

    static void deliver(String partnerToken, String orderId, String used, String invoice) {
        Stack.withToken(partnerToken).baseUri(Stack.ORDER).body("""
                        {"gpuHoursUsed":"%s","invoiceNumber":"%s"}""".formatted(used, invoice))
                .post("/api/orders/" + orderId + "/delivery").then().statusCode(200);
    }
}
