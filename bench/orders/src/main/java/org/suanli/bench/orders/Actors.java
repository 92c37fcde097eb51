package org.suanli.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Who places and handles the orders: many buyers, each a Keycloak user of its own (role sme, its own
 * enterprise_id) registered in voucher-service's buyer registry; the demo partners who deliver; the
 * offerings they order from. Everything through the real admin APIs, idempotent across runs.
 */
final class Actors {

    /** A user's access token, fetched once by password grant and fetched again before it expires (30 min). */
    static final class User {
        final String username;
        private volatile String token;
        private volatile Instant fetched;

        User(String username) {
            this.username = username;
        }

        String token() {
            if (token == null || fetched.isBefore(Instant.now().minus(25, ChronoUnit.MINUTES))) {
                refresh();
            }
            return token;
        }

        synchronized void refresh() {
            if (token != null && fetched.isAfter(Instant.now().minus(25, ChronoUnit.MINUTES))) {
                return;
            }
            Api.Answer a = Api.expect(Api.form(Api.KEYCLOAK + "/realms/suanli/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "marketplace", "client_secret", "marketplace-secret",
                    "scope", "openid", "username", username, "password", "demo")), "token of " + username, 200);
            token = a.body().path("access_token").asText();
            fetched = Instant.now();
        }

        String claim(String name) {
            String payload = token().split("\\.")[1];
            JsonNode claims = read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            return claims.path(name).asText(null);
        }
    }

    record Buyer(String enterpriseId, User user) {
    }

    record Offering(String id, String partnerId, String price) {
    }

    final List<Buyer> buyers = new ArrayList<>();
    /** partner_id → the partner's user (partner1..3 of the demo). */
    final Map<String, User> partners = new LinkedHashMap<>();
    final List<Offering> offerings = new ArrayList<>();
    final User admin1 = new User("admin1");
    final User finance1 = new User("finance1");

    static Actors setUp(int buyerCount, double minHoursLeft) throws Exception {
        Actors a = new Actors();
        for (String p : List.of("partner1", "partner2", "partner3")) {
            User u = new User(p);
            a.partners.put(u.claim("partner_id"), u);
        }
        a.buyers(buyerCount);
        a.offerings(minHoursLeft);
        return a;
    }

    /** Keycloak users bench-buyer-001… (created if missing), each registered as an SME in voucher-service. */
    private void buyers(int n) throws Exception {
        String realm = Api.KEYCLOAK + "/admin/realms/suanli";
        String[] admin = {adminToken()};
        Instant adminAt = Instant.now();
        JsonNode sme = Api.expect(Api.call("GET", realm + "/roles/sme", admin[0], null), "role sme", 200).body();
        int created = 0;
        for (int i = 1; i <= n; i++) {
            if (adminAt.isBefore(Instant.now().minusSeconds(40))) { // master's admin tokens live 60 s
                admin[0] = adminToken();
                adminAt = Instant.now();
            }
            String username = "bench-buyer-%03d".formatted(i);
            String enterprise = "bench-ent-%03d".formatted(i);
            Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                    "email", username + "@bench.suanli.test", "firstName", "Bench", "lastName", "Buyer " + i,
                    "attributes", Map.of("enterprise_id", List.of(enterprise)),
                    "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
            Api.Answer made = Api.expect(Api.call("POST", realm + "/users", admin[0], user), "user " + username, 201, 409);
            if (made.status() == 201) {
                created++;
                String id = made.location().substring(made.location().lastIndexOf('/') + 1);
                Api.expect(Api.call("POST", realm + "/users/" + id + "/role-mappings/realm", admin[0], List.of(sme)),
                        "role of " + username, 204);
            }
            // 91330100 + "BE" + eight digits: a well-formed 统一社会信用代码 of its own per bench enterprise.
            Map<String, Object> buyer = new LinkedHashMap<>();
            buyer.put("name", "压测企业 " + i);
            buyer.put("creditCode", "91330100BE%08d".formatted(i));
            buyer.put("type", "ENTERPRISE");
            buyer.put("sme", true);
            buyer.put("foundationModel", false);
            buyer.put("capOverride", null);
            buyer.put("reason", "registered for the order benchmark");
            Api.expect(Api.call("PUT", Api.VOUCHER + "/api/buyers/" + enterprise, admin1.token(), buyer),
                    "buyer " + enterprise, 200, 201);
            buyers.add(new Buyer(enterprise, new User(username)));
        }
        // Tokens once per buyer, four at a time (Keycloak does ~27 grants/s so).
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> all = new ArrayList<>();
        for (Buyer b : buyers) {
            all.add(pool.submit(() -> b.user().token()));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        log("%d buyers (%d new Keycloak users), each with its own token", buyers.size(), created);
    }

    /**
     * The published offerings a buyer finds with enough capacity left (and a demo partner to deliver them);
     * when fewer than two, an offering with a large capacity is published as partner1 and partner2.
     */
    private void offerings(double minHoursLeft) {
        User buyer = buyers.get(0).user();
        JsonNode found = Api.expect(Api.call("GET", Api.CATALOG + "/api/offerings?size=100&sort=price&minCapacityLeft="
                + minHoursLeft, buyer.token(), null), "search offerings", 200).body();
        Instant needValidTo = Instant.now().plus(9, ChronoUnit.DAYS);
        for (JsonNode o : found.path("items")) {
            if (partners.containsKey(o.path("partnerId").asText()) && "APPROVED".equals(o.path("partnerStatus").asText())
                    && Instant.parse(o.path("validTo").asText()).isAfter(needValidTo)
                    && Instant.parse(o.path("validFrom").asText()).isBefore(Instant.now())) {
                offerings.add(new Offering(o.path("id").asText(), o.path("partnerId").asText(), o.path("unitPrice").asText()));
            }
        }
        if (offerings.size() < 2) {
            for (String p : List.of("partner1", "partner2")) {
                User u = partners.values().stream().filter(x -> x.username.equals(p)).findFirst().orElseThrow();
                offerings.add(publish(u));
            }
        }
        log("offerings: %s", offerings);
    }

    private Offering publish(User partner) {
        JsonNode me = Api.expect(Api.call("GET", Api.CATALOG + "/api/partners/me", partner.token(), null), "partner", 200).body();
        String facility = me.path("facilities").get(0).path("id").asText();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("facilityId", facility);
        form.put("acceleratorModel", "Ascend 910B");
        form.put("acceleratorsPerUnit", 8);
        form.put("memoryGb", 64);
        form.put("fp16Tflops", "320.0");
        form.put("category", "COMPUTE");
        form.put("unitPrice", "9.90");
        form.put("capacity", "2000000.0");
        form.put("validFrom", from.toString());
        form.put("validTo", from.plus(365, ChronoUnit.DAYS).toString());
        String id = Api.expect(Api.call("POST", Api.CATALOG + "/api/partners/me/offerings", partner.token(), form),
                "new offering", 201).body().path("id").asText();
        Api.expect(Api.call("POST", Api.CATALOG + "/api/partners/me/offerings/" + id + "/publish", partner.token(), null),
                "publish", 200);
        return new Offering(id, me.path("id").asText(), "9.90");
    }

    private static String adminToken() {
        return Api.expect(Api.form(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")),
                "Keycloak admin token", 200).body().path("access_token").asText();
    }

    private static JsonNode read(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String fmt, Object... args) {
        System.out.printf("[bench %tT] %s%n", java.time.LocalTime.now(), fmt.formatted(args));
    }
}
