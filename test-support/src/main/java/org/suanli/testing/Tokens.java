package org.suanli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the Keycloak of deploy/ (password grant on the demo users), fetched once per
 * user and cached: Keycloak answers ~16 grants a second, far too slow to ask per request.
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM_URL = KEYCLOAK + "/realms/suanli";
    private static final String CLIENT = "marketplace";
    private static final String SECRET = "marketplace-secret";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A bearer token for a demo user of the realm (password "demo"). */
    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> grant(u, "demo"));
    }

    /** "Bearer …" header value for a demo user. */
    public static String bearer(String user) {
        return "Bearer " + of(user);
    }

    /**
     * A token that says everything a real one says (issuer, audience, roles, enterprise) but is signed by
     * a key Keycloak never had: the services must refuse it with 401.
     */
    public static String forged(String role, String enterpriseId) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            PrivateKey key = gen.generateKeyPair().getPrivate();
            return Jwt.issuer(REALM_URL).audience(CLIENT).subject("forger").upn("forger")
                    .claim("realm_access", Map.of("roles", Set.of(role)))
                    .claim("enterprise_id", enterpriseId).claim("partner_id", enterpriseId)
                    .expiresIn(600).jws().keyId(kidOfRealmKey()).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token, for tests that need to know who a demo user is. */
    public static JsonNode claims(String token) {
        try {
            String payload = token.split("\\.")[1];
            return JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kidOfRealmKey() throws Exception {
        // Reuse the real key id so the forgery is only caught by the signature itself.
        String header = of("admin1").split("\\.")[0];
        return JSON.readTree(Base64.getUrlDecoder().decode(header)).path("kid").asText();
    }

    private static String grant(String user, String password) {
        String form = "grant_type=password&client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&scope=openid";
        HttpRequest req = HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + res.statusCode() + " " + res.body()
                        + " (is deploy/infra.sh up running?)");
            }
            return JSON.readTree(res.body()).path("access_token").asText();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " is not reachable: start it with deploy/infra.sh up", e);
        }
    }
}
