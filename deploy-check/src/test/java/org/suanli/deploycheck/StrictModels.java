package org.suanli.deploycheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.suanli.deploycheck.crd.Cnpg;
import org.suanli.deploycheck.crd.KeycloakOperator;

import java.util.Map;
import java.util.Optional;

/**
 * The Java model each rendered document must fit, by apiVersion and kind, and a mapper that refuses any field
 * the model does not have. fabric8's and Strimzi's models keep unknown fields in an "additionalProperties" map
 * (a Jackson any-setter) and Keycloak's representations may ignore them; the introspector here turns both
 * off, so a misspelt or invented field fails as Jackson's UnrecognizedPropertyException, with its path.
 */
final class StrictModels {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .annotationIntrospector(new Strict())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** apiVersion + " " + kind → model. Kubernetes and Strimzi: the published models; CNPG and Keycloak: see crd/. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1 Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1 ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1 Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1 PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1 KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1 Cluster", Cnpg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1 Database", Cnpg.Database.class),
            Map.entry("postgresql.cnpg.io/v1 Pooler", Cnpg.Pooler.class),
            Map.entry("postgresql.cnpg.io/v1 ScheduledBackup", Cnpg.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1 ObjectStore", Cnpg.ObjectStore.class),
            Map.entry("k8s.keycloak.org/v2alpha1 Keycloak", KeycloakOperator.Keycloak.class),
            Map.entry("k8s.keycloak.org/v2alpha1 KeycloakRealmImport", KeycloakOperator.KeycloakRealmImport.class));

    static Optional<Class<?>> modelOf(JsonNode doc) {
        return Optional.ofNullable(MODELS.get(doc.path("apiVersion").asText() + " " + doc.path("kind").asText()));
    }

    /** Binds the document to its model; the exception says which field the model does not know. */
    static <T> T bind(JsonNode doc, Class<T> model) throws java.io.IOException {
        return MAPPER.readerFor(model).readValue(MAPPER.treeAsTokens(doc));
    }

    private StrictModels() {
    }

    private static final class Strict extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }
    }
}
