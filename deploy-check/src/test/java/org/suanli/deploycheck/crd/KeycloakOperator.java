package org.suanli.deploycheck.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.Map;

/**
 * The Keycloak operator's resources (k8s.keycloak.org/v2alpha1) as far as deploy/k8s uses them. The operator's
 * own classes are not on Maven Central (org.keycloak:keycloak-operator has no jar there), so the CR shell is a
 * hand-written strict model, its fields named as in the operator's guide for Keycloak 26 (Keycloak: instances,
 * db, http, hostname v2, proxy, ingress, resources; KeycloakRealmImport: keycloakCRName, placeholders, realm).
 * The realm itself is Keycloak's published model, {@link RealmRepresentation} from keycloak-core, which the
 * operator hands to the import unchanged.
 */
public final class KeycloakOperator {

    public record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    public record KeycloakSpec(Integer instances, Db db, Http http, Hostname hostname, Proxy proxy, Ingress ingress,
                               ResourceRequirements resources) {
    }

    public record SecretKeySelector(String name, String key) {
    }

    public record Db(String vendor, String host, Integer port, String database, SecretKeySelector usernameSecret,
                     SecretKeySelector passwordSecret, Integer poolMaxSize) {
    }

    public record Http(Boolean httpEnabled, Integer httpPort, Integer httpsPort, String tlsSecret) {
    }

    public record Hostname(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    public enum ProxyHeaders { forwarded, xforwarded }

    public record Proxy(ProxyHeaders headers) {
    }

    public record Ingress(Boolean enabled, String className, Map<String, String> annotations) {
    }

    public record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {
    }

    public record RealmImportSpec(String keycloakCRName, Map<String, Placeholder> placeholders,
                                  RealmRepresentation realm) {
    }

    public record Placeholder(SecretKeySelector secret) {
    }

    private KeycloakOperator() {
    }
}
