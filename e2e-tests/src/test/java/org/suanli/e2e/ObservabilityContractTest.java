package org.suanli.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's alert rules and dashboard (deploy/observability/) only name metrics the running services
 * export: a rule on a metric nobody exports never fires, and nobody notices until the day it should have.
 */
class ObservabilityContractTest {

    static final Map<String, String> SERVICES = Map.of("catalog-service", Stack.CATALOG, "order-service", Stack.ORDER,
            "voucher-service", Stack.VOUCHER, "settlement-service", Stack.SETTLEMENT);
    /** Our metrics and the Kafka clients'; "up" is Prometheus' own. */
    static final Pattern NAMED = Pattern.compile("\\b((?:suanli|kafka)_[a-z0-9_]+)\\b");
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @Test
    void every_metric_the_alert_rules_and_the_dashboard_name_is_exported_by_a_running_service() throws IOException {
        Set<String> named = new TreeSet<>();
        named.addAll(namedIn("alerts.yml"));
        named.addAll(namedIn("grafana-dashboard.json"));
        assertThat(named).as("metrics named in deploy/observability").hasSizeGreaterThan(15);

        Map<String, Set<String>> exportedBy = new TreeMap<>();
        SERVICES.forEach((service, url) -> {
            String body = RestAssured.get(url + "/q/metrics").then().statusCode(200).extract().asString();
            Matcher m = SAMPLE.matcher(body);
            while (m.find()) {
                exportedBy.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(service);
            }
        });
        assertThat(named).as("named in the rules or the dashboard but exported by no service")
                .allSatisfy(name -> assertThat(exportedBy).containsKey(name));

        // The ones an alert depends on come from where they should: every service's outbox, every consumer's lag.
        for (String service : SERVICES.keySet()) {
            assertThat(exportedBy.get("suanli_outbox_oldest_pending_age_seconds")).contains(service);
            assertThat(exportedBy.get("suanli_events_parked_total")).contains(service);
            assertThat(exportedBy.get("kafka_consumer_fetch_manager_records_lag_max")).contains(service);
        }
        assertThat(exportedBy.get("suanli_budget_remaining_fen")).containsExactly("voucher-service");
        assertThat(exportedBy.get("suanli_reconciliation_mismatched_orders")).containsExactly("settlement-service");
    }

    private static Set<String> namedIn(String file) throws IOException {
        Path dir = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "deploy", "observability");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("..", "deploy", "observability");
        }
        Set<String> names = new TreeSet<>();
        Matcher m = NAMED.matcher(Files.readString(dir.resolve(file)));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
