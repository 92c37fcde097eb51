package org.suanli.kernel.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: requests that arrive while a batch is being written wait, and are written together in the
 * next batch, in one transaction. A lone request is written at once (no timer, no wait added); under load each
 * batch holds what arrived during the previous one's commit, so many requests share one commit.
 * <p>
 * The writer is given the batch in arrival order and answers one result per item, in that order; a request
 * the business refuses is a result, not an exception. When the writer throws (a statement failed, the
 * transaction rolled back), each item of that batch is written again alone, so a bad one fails only itself.
 * <p>
 * The writer runs on the thread of whichever request found the writing lock free: it must take everything it
 * needs from the items, not from that thread (request-scoped beans, the current span, the log context).
 */
public final class GroupCommit<I, O> {

    private final Function<List<I>, List<O>> writer;
    private final int maxBatch;
    private final ReentrantLock writing = new ReentrantLock();
    private final Queue<Pending<I, O>> waiting = new ConcurrentLinkedQueue<>();

    public GroupCommit(int maxBatch, Function<List<I>, List<O>> writer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Writes the item in the next batch and answers its result; rethrows what its own write (alone) threw. */
    public O submit(I item) {
        Pending<I, O> mine = new Pending<>(item);
        waiting.add(mine);
        writing.lock();
        try {
            // Whoever holds the lock writes what waits; the batch it took may have been full before ours.
            while (!mine.done) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        return mine.answer();
    }

    private void writeWaiting() {
        List<Pending<I, O>> batch = new ArrayList<>();
        for (Pending<I, O> p; batch.size() < maxBatch && (p = waiting.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            complete(batch, writer.apply(batch.stream().map(p -> p.item).toList()));
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).fail(e);
                return;
            }
            for (Pending<I, O> p : batch) {
                try {
                    complete(List.of(p), writer.apply(List.of(p.item)));
                } catch (RuntimeException | Error alone) {
                    p.fail(alone);
                }
            }
        }
    }

    private static <I, O> void complete(List<Pending<I, O>> batch, List<O> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException("the writer answered " + results.size() + " results for " + batch.size() + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    /** One request's item and, once written, its result or what its write threw. Read under the lock only. */
    private static final class Pending<I, O> {
        final I item;
        boolean done;
        O result;
        Throwable failure;

        Pending(I item) {
            this.item = item;
        }

        void succeed(O r) {
            result = r;
            done = true;
        }

        void fail(Throwable t) {
            failure = t;
            done = true;
        }

        O answer() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
