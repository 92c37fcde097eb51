package org.suanli.deploycheck.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Map;

/**
 * CloudNativePG's resources, as far as deploy/k8s uses them: no Java model of them is published, so this is a
 * hand-written strict one. Every field and enumeration below is named as in CloudNativePG's API reference
 * (postgresql.cnpg.io/v1, operator 1.26/1.27: Cluster, Database, Pooler, ScheduledBackup) and the Barman Cloud
 * plugin's (barmancloud.cnpg.io/v1 ObjectStore); a field not listed here fails the check, so a new one is added
 * here after looking it up there. Kubernetes types inside (metadata, resources) are fabric8's.
 */
public final class Cnpg {

    public record LocalRef(String name) {
    }

    public record SecretKeyRef(String name, String key) {
    }

    public enum Ensure { present, absent }

    // ------------------------------------------------------------------ Cluster
    public record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    public record ClusterSpec(Integer instances, String imageName, PrimaryUpdateStrategy primaryUpdateStrategy,
                              PostgresConfiguration postgresql, Bootstrap bootstrap, Managed managed, Storage storage,
                              Storage walStorage, ResourceRequirements resources, Affinity affinity, Monitoring monitoring,
                              List<PluginRef> plugins, Boolean enableSuperuserAccess) {
    }

    public enum PrimaryUpdateStrategy { unsupervised, supervised }

    public record PostgresConfiguration(Synchronous synchronous, Map<String, String> parameters,
                                        @JsonProperty("pg_hba") List<String> pgHba) {
    }

    public record Synchronous(SyncMethod method, Integer number) {
    }

    public enum SyncMethod { any, first }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, LocalRef secret) {
    }

    public record Managed(List<RoleConfiguration> roles) {
    }

    public record RoleConfiguration(String name, Ensure ensure, Boolean login, Integer connectionLimit,
                                    LocalRef passwordSecret, List<String> inRoles) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }

    public record Monitoring(Boolean enablePodMonitor) {
    }

    public record PluginRef(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
    }

    // ------------------------------------------------------------------ Database
    public record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    public record DatabaseSpec(LocalRef cluster, String name, String owner, Ensure ensure) {
    }

    // ------------------------------------------------------------------ Pooler
    public record Pooler(String apiVersion, String kind, ObjectMeta metadata, PoolerSpec spec) {
    }

    public record PoolerSpec(LocalRef cluster, Integer instances, PoolerType type, PgBouncer pgbouncer) {
    }

    public enum PoolerType { rw, ro, r }

    public record PgBouncer(PoolMode poolMode, Map<String, String> parameters) {
    }

    public enum PoolMode { session, transaction }

    // ------------------------------------------------------------------ ScheduledBackup
    public record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(String schedule, BackupOwnerReference backupOwnerReference, Boolean immediate,
                                      Boolean suspend, LocalRef cluster, BackupMethod method,
                                      PluginConfiguration pluginConfiguration) {
    }

    public enum BackupOwnerReference { none, self, cluster }

    public enum BackupMethod { barmanObjectStore, volumeSnapshot, plugin }

    public record PluginConfiguration(String name, Map<String, String> parameters) {
    }

    // ------------------------------------------------------------------ ObjectStore (Barman Cloud plugin)
    public record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {
    }

    public record ObjectStoreSpec(String retentionPolicy, BarmanConfiguration configuration) {
    }

    public record BarmanConfiguration(String destinationPath, String endpointURL, S3Credentials s3Credentials,
                                      WalConfiguration wal, DataConfiguration data) {
    }

    public record S3Credentials(SecretKeyRef accessKeyId, SecretKeyRef secretAccessKey, SecretKeyRef region,
                                Boolean inheritFromIAMRole) {
    }

    public enum Compression { gzip, bzip2, lz4, snappy, xz, zstd }

    public record WalConfiguration(Compression compression, Integer maxParallel) {
    }

    public record DataConfiguration(Compression compression, Integer jobs) {
    }

    private Cnpg() {
    }
}
