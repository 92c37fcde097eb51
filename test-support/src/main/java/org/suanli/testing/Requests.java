package org.suanli.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** JSON requests as a demo user (real Keycloak token), with a given token, a forged one, or none. */
public final class Requests {

    private Requests() {
    }

    public static RequestSpecification as(String user) {
        return withToken(Tokens.of(user));
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static RequestSpecification forged(String role, String id) {
        return withToken(Tokens.forged(role, id));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }
}
