package org.suanli.voucher.kernel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.outbox.OutboxRelay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Readiness tells the truth about the outbox: a service whose events do not leave is not ready, and says why;
 * one whose events leave late, head first, stays ready (kernel OutboxReadiness, limit
 * kernel.outbox.readiness-max-age = 60 s, the head stuck for 5 s).
 */
@QuarkusTest
class OutboxReadinessTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Test
    void an_event_waiting_longer_than_a_minute_makes_the_service_unready_until_it_leaves() {
        String aggregate = "agg-" + UUID.randomUUID();
        relay.pause();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.record("kernel-test", "Tested", aggregate, null, Map.of("n", 1));
                // As if it had been waiting for 90 s (a broker down since then).
                em.createNativeQuery("update outbox_event set occurred_at = now() - interval '90 seconds' where aggregate_id = ?1")
                        .setParameter(1, aggregate).executeUpdate();
            });
            JsonPath down = awaitReadiness(503);
            assertThat(outboxCheck(down, "status")).isEqualTo("DOWN");
            assertThat(outboxCheck(down, "data.reason")).matches(
                    "the oldest unpublished event is (9\\d|1\\d\\d) s old \\(limit 60 s\\), \\d+ waiting, and none has left for \\d+ s");
        } finally {
            relay.resume();
        }
        JsonPath up = awaitReadiness(200);
        assertThat(outboxCheck(up, "status")).isEqualTo("UP");
    }

    /**
     * A rush: events wait longer than a minute, but they leave, head first. Every instance shares the outbox, so
     * readiness going DOWN for that would take them all out of service at once; it goes DOWN when the head stops.
     */
    @Test
    void an_outbox_behind_but_moving_keeps_the_service_ready_until_its_head_stops() {
        List<String> aggregates = List.of("agg-" + UUID.randomUUID(), "agg-" + UUID.randomUUID(),
                "agg-" + UUID.randomUUID(), "agg-" + UUID.randomUUID());
        relay.pause();
        try {
            relay.relayAll(); // what others left: the queue holds this test's events alone
            QuarkusTransaction.requiringNew().run(() -> {
                for (String a : aggregates) {
                    outbox.record("kernel-test", "Tested", a, null, Map.of("n", 3));
                }
                em.createNativeQuery("update outbox_event set occurred_at = now() - interval '90 seconds' where aggregate_id in (:ids)")
                        .setParameter("ids", aggregates).executeUpdate();
            });
            // The head leaves every 2 s, as a relay working through a backlog publishes it: ready all along.
            for (String a : aggregates.subList(0, 3)) {
                assertThat(RestAssured.get("/q/health/ready").statusCode()).isEqualTo(200);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outbox_event set published_at = now() where aggregate_id = ?1").setParameter(1, a).executeUpdate());
                pause(Duration.ofSeconds(2));
            }
            assertThat(RestAssured.get("/q/health/ready").statusCode()).isEqualTo(200);
            // The last one stays: the head stops, and readiness says so.
            JsonPath down = awaitReadiness(503);
            assertThat(outboxCheck(down, "data.reason")).contains("none has left for");
        } finally {
            relay.resume();
        }
        assertThat(awaitReadiness(200).getString("status")).isEqualTo("UP");
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_relay_that_cannot_reach_the_broker_makes_the_service_unready_with_the_broker_s_error() {
        String aggregate = "agg-" + UUID.randomUUID();
        relay.pause();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.record("kernel-test", "Tested", aggregate, null, Map.of("n", 2)));
            assertThatThrownBy(() -> relay.relayBatch(events -> {
                throw new java.net.ConnectException("Connection refused: 127.0.0.1:9092");
            })).isInstanceOf(Exception.class);

            JsonPath down = awaitReadiness(503);
            assertThat(outboxCheck(down, "data.reason"))
                    .contains("the relay cannot publish to the broker since").endsWith(": Connection refused: 127.0.0.1:9092");
        } finally {
            relay.resume();
        }
        // The next batch the broker acknowledges clears it.
        assertThat(awaitReadiness(200).getString("status")).isEqualTo("UP");
    }

    private static JsonPath awaitReadiness(int status) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var r = RestAssured.get("/q/health/ready");
            last[0] = r.jsonPath();
            return r.statusCode() == status;
        });
        return last[0];
    }

    private static String outboxCheck(JsonPath health, String path) {
        return health.getString("checks.find { it.name == 'outbox' }." + path);
    }
}
