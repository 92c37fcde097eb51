package org.suanli.catalog;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.suanli.testing.Tokens;

import static io.restassured.RestAssured.given;

/** Requests as a demo user of the real Keycloak, anonymous, or with a forged token. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification forged(String role, String id) {
        return given().header("Authorization", "Bearer " + Tokens.forged(role, id)).contentType(ContentType.JSON);
    }
}
