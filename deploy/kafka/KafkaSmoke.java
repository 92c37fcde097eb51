// Smoke test for the local broker, run by `deploy/infra.sh smoke` as a single-file source program:
//   java -cp '<kafka lib>/*' deploy/kafka/KafkaSmoke.java 127.0.0.1:9092
// Proves more than an open port: cluster metadata answers, a record is produced (acks=all) to an
// auto-created topic and read back by a fresh consumer group.
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class KafkaSmoke {
    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String topic = "infra-smoke";
        String value = "ping-" + UUID.randomUUID();
        long t0 = System.nanoTime();

        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(common)) {
            var c = admin.describeCluster();
            System.out.printf("cluster id=%s nodes=%s%n",
                    c.clusterId().get(10, TimeUnit.SECONDS), c.nodes().get(10, TimeUnit.SECONDS));
        }

        Properties p = new Properties();
        p.putAll(common);
        p.put("acks", "all");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        RecordMetadata md;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            md = producer.send(new ProducerRecord<>(topic, "smoke", value)).get(30, TimeUnit.SECONDS);
        }
        System.out.printf("produced to %s-%d@%d%n", md.topic(), md.partition(), md.offset());

        Properties cp = new Properties();
        cp.putAll(common);
        cp.put("group.id", "infra-smoke-" + UUID.randomUUID());
        cp.put("auto.offset.reset", "earliest");
        cp.put("key.deserializer", StringDeserializer.class.getName());
        cp.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(r.value())) {
                        System.out.printf("consumed %s from %s-%d@%d in %d ms total%n", r.value(), r.topic(),
                                r.partition(), r.offset(), (System.nanoTime() - t0) / 1_000_000);
                        return;
                    }
                }
            }
        }
        System.err.println("FAIL: record not consumed within 30 s");
        System.exit(1);
    }
}
