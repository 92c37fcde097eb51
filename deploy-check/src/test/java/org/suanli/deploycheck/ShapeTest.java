package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What the design asks of a deployment, read from the rendered manifests of each overlay. */
class ShapeTest {

    /** DESIGN.md / README "How it fits together": what each service consumes and publishes, whom it calls. */
    record Svc(String name, String db, List<String> consumes, List<String> publishes, List<String> calls) {
    }

    static final List<Svc> SERVICES = List.of(
            new Svc("catalog-service", "catalog", List.of("orders"), List.of("catalog.offerings", "catalog.partners"),
                    List.of("voucher-service")),
            new Svc("order-service", "orders", List.of("catalog.offerings", "catalog.partners", "vouchers"), List.of("orders"),
                    List.of("catalog-service")),
            new Svc("voucher-service", "voucher", List.of("orders", "catalog.offerings", "catalog.partners"), List.of("vouchers"), List.of()),
            new Svc("settlement-service", "settlement", List.of("orders", "vouchers"), List.of("settlements"),
                    List.of("voucher-service")));

    static final List<String> TOPICS = List.of("orders", "catalog.offerings", "catalog.partners", "vouchers", "settlements");

    static Set<String> deadLetterTopics() {
        return SERVICES.stream().flatMap(s -> s.consumes().stream().map(t -> s.name() + "." + t + ".dlq"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void everyTopicIsDeclaredWithThreeReplicasAndTwoInSync(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> expected = new TreeSet<>(TOPICS);
        expected.addAll(deadLetterTopics());
        assertThat(deadLetterTopics()).contains("catalog-service.orders.dlq", "order-service.catalog.offerings.dlq",
                "order-service.vouchers.dlq", "voucher-service.orders.dlq", "settlement-service.orders.dlq",
                "settlement-service.vouchers.dlq");
        Set<String> declared = r.ofKind("KafkaTopic").stream().map(Rendered::name).collect(Collectors.toSet());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            assertThat(t.path("spec").path("replicas").asInt()).as(Rendered.name(t) + " replicas").isEqualTo(3);
            assertThat(t.path("spec").path("partitions").asInt()).as(Rendered.name(t) + " partitions").isPositive();
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).as(Rendered.name(t)).isEqualTo(2);
        }
        JsonNode kafka = r.one("Kafka", "suanli-kafka");
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        int brokers = r.ofKind("KafkaNodePool").stream()
                .filter(p -> texts(p.path("spec").path("roles")).contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).as("brokers").isEqualTo(3);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void eachServiceHasAKafkaUserAllowedItsOwnTopicsAndGroupOnly(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertThat(r.ofKind("KafkaUser")).hasSize(SERVICES.size());
        for (Svc s : SERVICES) {
            JsonNode user = r.one("KafkaUser", s.name());
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> read = new HashSet<>(), write = new HashSet<>(), groups = new HashSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                Set<String> ops = texts(acl.path("operations"));
                assertThat(res.path("patternType").asText("literal")).as(s.name() + ": no prefixed or wildcard ACLs").isEqualTo("literal");
                String name = res.path("name").asText();
                if (res.path("type").asText().equals("group")) {
                    groups.add(name);
                } else {
                    assertThat(res.path("type").asText()).isEqualTo("topic");
                    if (ops.contains("Read")) read.add(name);
                    if (ops.contains("Write")) write.add(name);
                    assertThat(ops).as(s.name() + " on " + name).isSubsetOf("Read", "Write", "Describe");
                }
            }
            // its own dead-letter topics: written when an event is parked, read back when parked events are replayed
            Set<String> deadLetters = new TreeSet<>();
            s.consumes().forEach(t -> deadLetters.add(s.name() + "." + t + ".dlq"));
            Set<String> writes = new TreeSet<>(s.publishes());
            writes.addAll(deadLetters);
            Set<String> reads = new TreeSet<>(s.consumes());
            reads.addAll(deadLetters);
            assertThat(read).as(s.name() + " reads").containsExactlyInAnyOrderElementsOf(reads);
            assertThat(write).as(s.name() + " writes").containsExactlyInAnyOrderElementsOf(writes);
            assertThat(groups).as(s.name() + " consumer groups").containsExactlyInAnyOrder(s.name(), s.name() + ".dlq-replay");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void eachServiceRunsAsAProductionDeployment(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> configMaps = r.ofKind("ConfigMap").stream().map(Rendered::name).collect(Collectors.toSet());
        for (Svc s : SERVICES) {
            JsonNode pod = r.one("Deployment", s.name()).path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(c.path("resources").path("limits").path("memory").asText()).as(s.name() + " memory limit").isNotEmpty();
            assertThat(c.path("resources").path("requests").path("cpu").asText()).as(s.name() + " cpu request").isNotEmpty();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(185);
            for (JsonNode from : c.path("envFrom")) {
                assertThat(configMaps).as(s.name() + " envFrom").contains(from.path("configMapRef").path("name").asText());
            }
            Map<String, JsonNode> env = StreamSupport.stream(c.path("env").spliterator(), false)
                    .collect(Collectors.toMap(e -> e.path("name").asText(), e -> e));
            assertThat(env).as(s.name()).containsKey("QUARKUS_DATASOURCE_PASSWORD");
            env.values().forEach(e -> assertThat(e.path("valueFrom").has("secretKeyRef"))
                    .as(s.name() + " " + e.path("name").asText() + " from a Secret").isTrue());
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("suanli-db-" + s.db());
            JsonNode cm = r.one("ConfigMap", s.name()).path("data");
            assertThat(cm.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).endsWith("/" + s.db());
            r.one("Service", s.name());
            r.one("PodDisruptionBudget", s.name());
            JsonNode hpa = r.one("HorizontalPodAutoscaler", s.name()).path("spec");
            int partitions = s.consumes().stream().mapToInt(t -> r.one("KafkaTopic", t).path("spec").path("partitions").asInt())
                    .min().orElseThrow();
            assertThat(hpa.path("maxReplicas").asInt()).as(s.name() + ": no more replicas than partitions").isLessThanOrEqualTo(partitions);
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void networkPoliciesAllowOnlyTheDesignsCallsBetweenServices(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> names = SERVICES.stream().map(Svc::name).collect(Collectors.toSet());
        for (Svc s : SERVICES) {
            JsonNode spec = r.one("NetworkPolicy", s.name()).path("spec");
            assertThat(texts(spec.path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            Set<String> egressToServices = peers(spec.path("egress"), "to", names);
            assertThat(egressToServices).as(s.name() + " may call").containsExactlyInAnyOrderElementsOf(s.calls());
            Set<String> callers = SERVICES.stream().filter(o -> o.calls().contains(s.name())).map(Svc::name).collect(Collectors.toSet());
            assertThat(peers(spec.path("ingress"), "from", names)).as(s.name() + " may be called by").isEqualTo(callers);
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void postgresHasThreeInstancesADatabaseAndRolePerServiceAndAPooler(String overlay) {
        Rendered r = Rendered.of(overlay);
        JsonNode cluster = r.one("Cluster", "suanli-pg").path("spec");
        assertThat(cluster.path("instances").asInt()).isEqualTo(3);
        Set<String> roles = new TreeSet<>(), databases = new TreeSet<>();
        JsonNode initdb = cluster.path("bootstrap").path("initdb");
        databases.add(initdb.path("database").asText());
        roles.add(initdb.path("owner").asText());
        cluster.path("managed").path("roles").forEach(role -> roles.add(role.path("name").asText()));
        r.ofKind("Database").forEach(d -> {
            databases.add(d.path("spec").path("name").asText());
            assertThat(d.path("spec").path("owner").asText()).isEqualTo(d.path("spec").path("name").asText());
        });
        for (Svc s : SERVICES) {
            assertThat(roles).contains(s.db());
            assertThat(databases).contains(s.db());
            assertThat(texts(cluster.path("postgresql").path("pg_hba"))).contains("host " + s.db() + " " + s.db() + " all scram-sha-256");
        }
        assertThat(r.ofKind("Pooler")).anyMatch(p -> p.path("spec").path("cluster").path("name").asText().equals("suanli-pg"));
        assertThat(r.ofKind("ScheduledBackup")).isNotEmpty();
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void theRealmIsTheDevelopmentRealmWithoutItsConveniences(String overlay) throws Exception {
        Rendered r = Rendered.of(overlay);
        JsonNode realm = r.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        JsonNode dev = new ObjectMapper().readTree(DevelopmentSecrets.REPO.resolve("deploy/keycloak/suanli-realm.json").toFile());
        assertThat(realm.path("realm").asText()).isEqualTo("suanli");
        assertThat(realm.has("users")).as("users").isFalse();
        assertThat(realm.path("sslRequired").asText()).isIn("all", "external");
        assertThat(realm.path("roles")).isEqualTo(dev.path("roles"));
        assertThat(realm.path("components")).as("user profile (enterprise_id, partner_id)").isEqualTo(dev.path("components"));
        for (JsonNode devClient : dev.path("clients")) {
            JsonNode client = StreamSupport.stream(realm.path("clients").spliterator(), false)
                    .filter(c -> c.path("clientId").equals(devClient.path("clientId"))).findFirst().orElseThrow();
            assertThat(client.path("protocolMappers")).as("claim mappers").isEqualTo(devClient.path("protocolMappers"));
        }
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as("password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
            assertThat(client.path("secret").asText()).as("client secret from a placeholder").startsWith("${");
            assertThat(client.path("redirectUris")).isNotEmpty();
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asText()).startsWith("https://").doesNotContain("*");
            }
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).startsWith("https://").doesNotContain("+", "*");
        }
    }

    /** Which of the given pod names the rules' peers select by app.kubernetes.io/name. */
    private static Set<String> peers(JsonNode rules, String field, Set<String> among) {
        Set<String> out = new TreeSet<>();
        for (JsonNode rule : rules) {
            for (JsonNode peer : rule.path(field)) {
                String n = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                if (among.contains(n)) out.add(n);
            }
        }
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
