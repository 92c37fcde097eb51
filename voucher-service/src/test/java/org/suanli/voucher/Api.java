package org.suanli.voucher;

import io.restassured.specification.RequestSpecification;
import org.suanli.testing.Requests;

/** Requests as a demo user of the real Keycloak realm. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return Requests.as(user);
    }

    public static RequestSpecification anonymous() {
        return Requests.anonymous();
    }

    /** Registers (or re-registers) a buyer as admin1. */
    public static void registerBuyer(String id, String creditCode, String type, boolean sme, boolean foundationModel, String capOverride) {
        as("admin1").body("""
                        {"name":"%s","creditCode":"%s","type":"%s","sme":%s,"foundationModel":%s,"capOverride":%s,
                         "reason":"test registration"}""".formatted(id, creditCode, type, sme, foundationModel,
                        capOverride == null ? "null" : "\"" + capOverride + "\""))
                .put("/api/buyers/" + id).then().statusCode(200);
    }
}
