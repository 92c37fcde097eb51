package org.suanli.kernel.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.suanli.kernel.outbox.KafkaEventPublisher;
import org.jboss.logging.Logger;
import org.suanli.kernel.config.KernelConfig;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.inbox.Inbox;
import org.suanli.kernel.metrics.PipelineMetrics;
import org.suanli.kernel.tracing.EventTracing;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one way every consumer takes events: read → skip the types the handler does not handle → inbox →
 * apply, all of a poll in one transaction. A fault of the infrastructure (the database or the broker away)
 * is retried in place, however long it lasts: the partition waits and nothing is lost or applied twice.
 * Any other failure makes the pipeline apply the poll's events one by one, each alone, to find the one at
 * fault; that one is retried a few times and then parked on the dead-letter topic with its error, counted,
 * and the partition goes on. A record that is not an event envelope at all is parked at once.
 */
@ApplicationScoped
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    PipelineMetrics metrics;

    @Inject
    KernelConfig config;

    @Inject
    EventTracing tracing;

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /** What became of the records handed to the pipeline. */
    public record Tally(int applied, int alreadyApplied, int skipped, int parked) {
        Tally plus(Tally o) {
            return new Tally(applied + o.applied, alreadyApplied + o.alreadyApplied, skipped + o.skipped, parked + o.parked);
        }
    }

    /** A poll from a channel: the consumer's {@code @Incoming} method hands it here and returns. */
    public Tally process(EventHandler handler, ConsumerRecords<String, String> records) {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        int skipped = 0;
        for (ConsumerRecord<String, String> r : records) {
            // A type the handler does not handle is passed over on its header, unparsed: a topic such as
            // catalog.offerings carries one capacity answer per order for consumers that want only offering changes.
            // A record without the header is read, and its type taken from the envelope.
            Header type = r.headers().lastHeader(KafkaEventPublisher.TYPE_HEADER);
            if (type != null && !handler.handles(new String(type.value(), StandardCharsets.UTF_8))) {
                skipped++;
            } else {
                deliveries.add(Delivery.of(r));
            }
        }
        Tally passedOver = new Tally(0, 0, skipped, 0);
        return deliveries.isEmpty() ? passedOver : passedOver.plus(process(handler, deliveries));
    }

    public Tally process(EventHandler handler, List<Delivery> deliveries) {
        List<Delivery> readable = new ArrayList<>(deliveries.size());
        List<EventEnvelope> events = new ArrayList<>(deliveries.size());
        int skipped = 0;
        int parked = 0;
        for (Delivery d : deliveries) {
            EventEnvelope e;
            try {
                e = d.value() == null ? null : codec.read(d.value());
            } catch (IllegalArgumentException unreadable) {
                park(handler, d, "not an event envelope: " + unreadable.getMessage(), 1);
                parked++;
                continue;
            }
            if (e == null || e.id() == null || e.type() == null) {
                park(handler, d, "an envelope without event id or type", 1);
                parked++;
            } else if (handler.handles(e.type())) {
                readable.add(d);
                events.add(e);
            } else {
                skipped++;
            }
        }
        Tally tally = new Tally(0, 0, skipped, parked);
        if (events.isEmpty()) {
            return tally;
        }
        try {
            return tally.plus(inPlace(handler, events));
        } catch (Poison suspect) {
            if (events.size() > 1) {
                LOG.warnf("%s: a poll of %d events failed (%s); applying them one by one", handler.name(), events.size(),
                        suspect.getCause().toString());
            }
        }
        for (int i = 0; i < events.size(); i++) {
            tally = tally.plus(alone(handler, readable.get(i), events.get(i)));
        }
        return tally;
    }

    /** One event in a transaction of its own, tried a few times before it is parked. */
    private Tally alone(EventHandler handler, Delivery delivery, EventEnvelope event) {
        int attempts = config.pipeline().attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return inPlace(handler, List.of(event));
            } catch (Poison poison) {
                if (attempt >= attempts) {
                    Throwable cause = poison.getCause();
                    park(handler, delivery, event.type() + " " + event.id() + " of " + event.aggregateId() + ": " + cause, attempt);
                    LOG.errorf(cause, "%s: %s %s (order %s) parked after %d attempts", handler.name(), event.type(),
                            event.id(), event.aggregateId(), attempt);
                    return new Tally(0, 0, 0, 1);
                }
                pause(Duration.ofMillis(100L * attempt));
            }
        }
    }

    /** Inbox and apply in one transaction, repeated for as long as the infrastructure fails. */
    private Tally inPlace(EventHandler handler, List<EventEnvelope> events) {
        Duration pause = config.pipeline().firstRetryPause();
        for (int tries = 1; ; tries++) {
            try {
                Tally done = QuarkusTransaction.requiringNew().call(() -> {
                    Set<UUID> first = inbox.firstDeliveries(handler.name(), events);
                    // remove() keeps only the first copy of an event delivered twice within one poll
                    List<EventEnvelope> fresh = events.stream().filter(e -> first.remove(e.id())).toList();
                    if (!fresh.isEmpty()) {
                        handler.lockInOrder(fresh);
                        applyTraced(handler, fresh);
                    }
                    return new Tally(fresh.size(), events.size() - fresh.size(), 0, 0);
                });
                // counted once committed: a poll rolled back and tried again is applied once, and counted once
                metrics.applied(handler.name(), done.applied());
                return done;
            } catch (RuntimeException failure) {
                if (stopping) {
                    throw failure; // uncommitted: delivered again after the restart
                }
                if (!Faults.isTransient(failure)) {
                    throw new Poison(failure);
                }
                metrics.retried(handler.name());
                if (tries == 1 || tries % 20 == 0) {
                    LOG.warnf("%s: %d events wait for the infrastructure (try %d, next in %d ms): %s", handler.name(),
                            events.size(), tries, pause.toMillis(), failure.toString());
                }
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(config.pipeline().longestRetryPause()) > 0
                        ? config.pipeline().longestRetryPause() : pause.multipliedBy(2);
            }
        }
    }

    /**
     * Each event in a span continuing its own trace (what it records in the outbox carries that trace on), or a
     * whole poll in one span linked to every event's trace when the handler works on the poll as a whole.
     */
    private void applyTraced(EventHandler handler, List<EventEnvelope> fresh) {
        if (handler.appliesWholePolls()) {
            tracing.consumeBatch(handler.name(), fresh, () -> {
                handler.apply(fresh);
                return null;
            });
            return;
        }
        for (EventEnvelope e : fresh) {
            tracing.consume(handler.name(), e, () -> {
                handler.applyOne(e);
                return null;
            });
        }
    }

    /** Parks one record, waiting for as long as the broker is away: a record is never dropped. */
    private void park(EventHandler handler, Delivery delivery, String error, int attempts) {
        Duration pause = config.pipeline().firstRetryPause();
        while (true) {
            try {
                deadLetters.park(handler, delivery, error, attempts);
                metrics.parked(handler.name());
                LOG.errorf("%s: record %s parked on %s: %s", handler.name(), delivery.where(),
                        deadLetters.topicFor(handler), error);
                return;
            } catch (Exception brokerAway) {
                if (stopping) {
                    throw new IllegalStateException("stopping before " + delivery.where() + " could be parked", brokerAway);
                }
                LOG.warnf("%s: cannot park %s yet: %s", handler.name(), delivery.where(), brokerAway.toString());
                pause(pause);
                pause = config.pipeline().longestRetryPause();
            }
        }
    }

    /** Replays what this handler parked (after a fix): each record through the same path, parked again if it still fails. */
    public synchronized Tally replay(EventHandler handler) {
        Tally[] total = {new Tally(0, 0, 0, 0)};
        deadLetters.replay(handler, r -> total[0] = total[0].plus(process(handler, List.of(Delivery.parked(r)))));
        LOG.infof("%s: replayed parked events: %s", handler.name(), total[0]);
        return total[0];
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A failure that is not the infrastructure's: the events themselves, or a bug. */
    private static final class Poison extends RuntimeException {
        Poison(Throwable cause) {
            super(cause);
        }
    }
}
