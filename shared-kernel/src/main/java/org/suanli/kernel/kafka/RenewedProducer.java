package org.suanli.kernel.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A producer made when first needed and made anew after a failed send: a broker that restarted is then met by
 * a fresh connection and producer id at the next try, instead of a client stuck on the old one. The outbox
 * relay and the dead-letter parking both send this way.
 */
public final class RenewedProducer {

    private final Function<String, KafkaProducer<String, String>> make;
    private final String clientId;
    private final Consumer<KafkaProducer<String, String>> onMade;
    private final Runnable onDiscarded;
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param onMade      called with each new producer (e.g. to bind its metrics)
     * @param onDiscarded called when a failed one is thrown away (e.g. to unbind them)
     */
    public RenewedProducer(KafkaClients clients, String clientId, Consumer<KafkaProducer<String, String>> onMade,
                           Runnable onDiscarded) {
        this.make = clients::producer;
        this.clientId = clientId;
        this.onMade = onMade;
        this.onDiscarded = onDiscarded;
    }

    public RenewedProducer(KafkaClients clients, String clientId) {
        this(clients, clientId, p -> { }, () -> { });
    }

    /** The current producer, made now if there is none. */
    public KafkaProducer<String, String> get() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    KafkaProducer<String, String> created = make.apply(clientId);
                    onMade.accept(created);
                    producer = created;
                }
                p = producer;
            }
        }
        return p;
    }

    /** A send through {@code failed} did not go through: close it; the next {@link #get()} makes another. */
    public synchronized void discard(KafkaProducer<String, String> failed) {
        if (producer == failed) {
            producer = null;
            onDiscarded.run();
            failed.close(Duration.ZERO);
        }
    }

    public void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
