package org.suanli.order.order;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.suanli.order.support.Catalog;
import org.suanli.order.support.CatalogPairStub;

import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.suanli.order.support.OrderTestSupport.body;
import static org.suanli.order.support.OrderTestSupport.post;

/**
 * Two catalog-service instances behind a {@code stork://} URL (deploy/cluster.sh), one of them dead: every order is
 * still placed — the read that met the dead one is tried again on the live one — and the breaker, which counts the
 * call after that retry, never opens. With both away it still refuses at once (503), as with one catalog.
 */
@QuarkusTest
@WithTestResource(CatalogPairStub.class)
class CatalogFailoverTest {

    @Test
    void with_one_of_two_catalog_instances_dead_every_order_is_placed_and_the_breaker_stays_closed() {
        String offering = Catalog.offering("8.00", "1000.0");
        // 30 in a row: with round robin every other first attempt meets the dead instance, far past the breaker's
        // 8-call window at a 50 % failure ratio, had those attempts been counted.
        for (int i = 0; i < 30; i++) {
            post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(201);
        }
    }

    @Test
    void with_both_away_the_order_is_refused_with_503() {
        String offering = Catalog.offering("8.00", "1000.0");
        Catalog.down();
        try {
            post("sme1", UUID.randomUUID().toString(), body(offering, "1")).statusCode(503)
                    .body("type", endsWith("/catalog-unavailable"));
        } finally {
            Catalog.up();
        }
        String key = UUID.randomUUID().toString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> post("sme1", key, body(offering, "1")).extract().statusCode() == 201);
    }
}
