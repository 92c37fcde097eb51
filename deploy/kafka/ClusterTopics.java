import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The topics of deploy/cluster.sh's three-broker cluster, created explicitly (the brokers create none by themselves):
 *
 *   java -cp "$KAFKA_HOME/lib/*" deploy/kafka/ClusterTopics.java create BOOTSTRAP RF MIN_ISR name:partitions...
 *   java -cp "$KAFKA_HOME/lib/*" deploy/kafka/ClusterTopics.java describe BOOTSTRAP name...
 *
 * create makes the missing ones (replication factor RF, min.insync.replicas MIN_ISR) and then checks every one
 * named: its partition count, RF replicas and a full ISR on each partition, its min.insync.replicas; exit 1 if
 * one is not so. describe prints leaders and ISRs (and the KRaft quorum's leader) without judging.
 */
public class ClusterTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: create BOOTSTRAP RF MIN_ISR name:partitions... | describe BOOTSTRAP name...");
            System.exit(2);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(p)) {
            int rc = switch (args[0]) {
                case "create" -> create(admin, Short.parseShort(args[2]), args[3], List.of(args).subList(4, args.length));
                case "describe" -> describe(admin, List.of(args).subList(2, args.length));
                default -> 2;
            };
            System.exit(rc);
        }
    }

    static int create(Admin admin, short rf, String minIsr, List<String> specs) throws Exception {
        Map<String, Integer> want = new LinkedHashMap<>();
        for (String s : specs) {
            String[] kv = s.split(":");
            want.put(kv[0], Integer.parseInt(kv[1]));
        }
        List<NewTopic> topics = new ArrayList<>();
        want.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, rf)
                .configs(Map.of("min.insync.replicas", minIsr))));
        admin.createTopics(topics).values().forEach((name, f) -> {
            try {
                f.get(30, TimeUnit.SECONDS);
                System.out.println("created " + name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(name + ": " + e.getCause(), e.getCause());
                }
                System.out.println("exists  " + name);
            } catch (Exception e) {
                throw new IllegalStateException(name + ": " + e, e);
            }
        });
        // A new topic's ISR fills within moments; check until it is full (or 30 s).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> wrong;
        do {
            try {
                wrong = check(admin, want, rf, minIsr);
            } catch (ExecutionException e) { // a topic just made is not in every broker's metadata yet
                wrong = List.of(String.valueOf(e.getCause()));
            }
            if (wrong.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        for (String w : wrong) {
            System.out.println("WRONG   " + w);
        }
        System.out.printf("%d topics: partitions as given, replication factor %d, full ISR, min.insync.replicas %s: %s%n",
                want.size(), rf, minIsr, wrong.isEmpty() ? "ok" : wrong.size() + " wrong");
        return wrong.isEmpty() ? 0 : 1;
    }

    static List<String> check(Admin admin, Map<String, Integer> want, short rf, String minIsr) throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, TopicDescription> d = admin.describeTopics(want.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
        List<ConfigResource> res = want.keySet().stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(res).all().get(30, TimeUnit.SECONDS);
        for (Map.Entry<String, Integer> w : want.entrySet()) {
            TopicDescription t = d.get(w.getKey());
            if (t.partitions().size() != w.getValue()) {
                wrong.add(w.getKey() + ": " + t.partitions().size() + " partitions, want " + w.getValue());
            }
            for (TopicPartitionInfo pi : t.partitions()) {
                if (pi.replicas().size() != rf || pi.isr().size() != rf || pi.leader() == null) {
                    wrong.add(w.getKey() + "-" + pi.partition() + ": replicas " + ids(pi.replicas()) + " isr " + ids(pi.isr()));
                }
            }
            ConfigEntry e = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, w.getKey())).get("min.insync.replicas");
            if (e == null || !minIsr.equals(e.value())) {
                wrong.add(w.getKey() + ": min.insync.replicas " + (e == null ? "?" : e.value()));
            }
        }
        return wrong;
    }

    static int describe(Admin admin, List<String> names) throws Exception {
        QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get(20, TimeUnit.SECONDS);
        System.out.printf("KRaft quorum: leader %d, voters %s%n", q.leaderId(),
                q.voters().stream().map(v -> Integer.toString(v.replicaId())).collect(Collectors.joining(",")));
        System.out.println("brokers: " + admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).stream()
                .map(n -> n.id() + "@" + n.host() + ":" + n.port()).sorted().collect(Collectors.joining(" ")));
        Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        for (String n : names) {
            TopicDescription t = d.get(n);
            System.out.printf("%-34s %s%n", n, t.partitions().stream()
                    .map(pi -> pi.partition() + ":L" + (pi.leader() == null ? "-" : pi.leader().id()) + "/isr" + ids(pi.isr()))
                    .collect(Collectors.joining(" ")));
        }
        return 0;
    }

    static String ids(List<org.apache.kafka.common.Node> nodes) {
        return nodes.stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(",", "[", "]"));
    }
}
