package org.suanli.kernel.pipeline;

import org.suanli.kernel.events.EventEnvelope;

import java.util.List;

/**
 * What one consumer does with the events of one topic. The {@link EventPipeline} does everything else:
 * reading, skipping the types the handler does not handle, the inbox, the transaction, retrying in place
 * while the database or broker is away, and parking poison events on a dead-letter topic.
 *
 * <p>A handler throws only when it cannot apply an event: an infrastructure fault (retried in place) or a
 * bug or unreadable payload (the event is retried a few times alone, then parked). Business refusals are
 * state or events, never exceptions.
 */
public interface EventHandler {

    /** The inbox name of this consumer, e.g. {@code catalog.orders}; never change it (its inbox rows carry it). */
    String name();

    /** The topic it reads, without the environment's prefix, e.g. {@code orders}. */
    String topic();

    /** Whether events of this type concern this consumer; others are skipped before the inbox. */
    boolean handles(String type);

    /** True when the handler works on a poll as a whole ({@link #apply(List)}), as voucher's batched holds do. */
    default boolean appliesWholePolls() {
        return false;
    }

    /**
     * Takes, before any event of the poll is applied and in one fixed order (say, by id), the row locks the
     * poll will need. Two consumers that write the same rows then wait for each other instead of locking in
     * opposite orders, which PostgreSQL resolves only after its deadlock timeout by aborting one of them.
     */
    default void lockInOrder(List<EventEnvelope> fresh) {
    }

    /**
     * Applies events seen for the first time, in their order on the partition, inside the pipeline's
     * transaction: their effect commits together with their inbox rows, or not at all.
     */
    default void apply(List<EventEnvelope> fresh) {
        for (EventEnvelope e : fresh) {
            applyOne(e);
        }
    }

    /** Applies one event; the handler overrides this, or {@link #apply(List)} and {@link #appliesWholePolls()}. */
    default void applyOne(EventEnvelope event) {
        throw new UnsupportedOperationException(name() + " applies whole batches only");
    }
}
