package org.suanli.catalog;

import org.suanli.testing.Requests;
import io.restassured.specification.RequestSpecification;


/** Requests as a demo user of the real Keycloak, anonymous, or with a forged token. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return Requests.as(user);
    }

    public static RequestSpecification anonymous() {
        return Requests.anonymous();
    }

    public static RequestSpecification forged(String role, String id) {
        return Requests.forged(role, id);
    }
}
