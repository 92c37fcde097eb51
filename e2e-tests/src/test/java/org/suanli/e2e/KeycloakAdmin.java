package org.suanli.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.suanli.testing.Tokens;

import java.util.List;
import java.util.Map;

/**
 * Creates users in the real Keycloak through its admin API, so each scenario acts as an enterprise or a
 * partner of its own (real tokens, real claims) and never depends on what other scenarios or the demo did.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakAdmin() {
    }

    /** A new realm user with one role and one attribute claim; returns its access token. */
    static String newUser(String username, String role, String claim, String value) {
        String admin = RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Tokens.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realm = Tokens.KEYCLOAK + "/admin/realms/suanli";
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "email", username + "@e2e.suanli.test", "firstName", "E2E", "lastName", username,
                "attributes", Map.of(claim, List.of(value)),
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
        String location = RestAssured.given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(write(user)).post(realm + "/users").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Object roleRep = RestAssured.given().header("Authorization", "Bearer " + admin)
                .get(realm + "/roles/" + role).then().statusCode(200).extract().as(Map.class);
        RestAssured.given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(write(List.of(roleRep))).post(realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return Tokens.of(username);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
