package org.suanli.e2e;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Fresh participants for one scenario: a buyer registered by the bureau, a vetted partner with an offering. */
final class Actors {

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Actors() {
    }

    record Buyer(String id, String token) {
    }

    record Partner(String id, String token, String facilityId) {
    }

    /** A new enterprise user (role sme) that admin1 registers in the buyer registry. */
    static Buyer buyer(String type, boolean sme, boolean foundationModel, String capOverride) {
        String id = "e2e-ent-" + shortId();
        String token = KeycloakAdmin.newUser("u-" + id, "sme", "enterprise_id", id);
        Stack.as("admin1").baseUri(Stack.VOUCHER).body("""
                        {"name":"E2E %s","creditCode":"%s","type":"%s","sme":%s,"foundationModel":%s,"capOverride":%s,
                         "reason":"registered for an end-to-end scenario"}""".formatted(id, creditCode(), type, sme,
                        foundationModel, capOverride == null ? "null" : "\"" + capOverride + "\""))
                .put("/api/buyers/" + id).then().statusCode(200);
        return new Buyer(id, token);
    }

    /** A new compute centre with one facility of the given type, applied and approved by admin1. */
    static Partner approvedPartner(String facilityType) {
        String id = "e2e-ptn-" + shortId();
        String token = KeycloakAdmin.newUser("u-" + id, "partner", "partner_id", id);
        String facility = "fac-" + id;
        Stack.withToken(token).baseUri(Stack.CATALOG).body("""
                        {"name":"E2E 算力中心 %s","creditCode":"%s","facilities":[{"id":"%s","name":"E2E hall","district":"余杭区",
                         "pue":1.25,"accelerators":[{"model":"Ascend 910B","count":512}]}]}""".formatted(id, creditCode(), facility))
                .put("/api/partners/me").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        Stack.as("admin1").baseUri(Stack.CATALOG).body("""
                        {"reason":"vetted for an end-to-end scenario","facilities":[{"facilityId":"%s","type":"%s",
                         "checkedPue":1.25,"secureAndControllable":true,"pricingReasonable":true}]}""".formatted(facility, facilityType))
                .post("/api/partners/" + id + "/approve").then().statusCode(200);
        return new Partner(id, token, facility);
    }

    /** A published COMPUTE offering of the partner, valid from now for 30 days; returns its id. */
    static String publishedOffering(Partner p, String unitPrice, String capacity) {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        String id = Stack.withToken(p.token()).baseUri(Stack.CATALOG).body("""
                        {"facilityId":"%s","acceleratorModel":"Ascend 910B","acceleratorsPerUnit":8,"memoryGb":64,
                         "fp16Tflops":320.0,"category":"COMPUTE","unitPrice":"%s","capacity":"%s",
                         "validFrom":"%s","validTo":"%s"}""".formatted(p.facilityId(), unitPrice, capacity, from,
                        from.plus(30, ChronoUnit.DAYS)))
                .post("/api/partners/me/offerings").then().statusCode(201).extract().path("id");
        Stack.withToken(p.token()).baseUri(Stack.CATALOG).post("/api/partners/me/offerings/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    static String creditCode() {
        StringBuilder sb = new StringBuilder("91330100");
        for (int i = 0; i < 10; i++) {
            sb.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return sb.toString();
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
