package org.suanli.kernel.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies a consumer's work in a transaction of its own and, if the infrastructure fails (the database
 * restarting, a connection dropped), retries in place with a growing pause instead of skipping the record
 * or stopping the channel: the partition waits, nothing is lost, nothing is applied twice (the inbox is
 * part of the same transaction), and the flow resumes by itself once the database is back.
 * Business refusals must not throw out of the work; anything that does is treated as a fault to retry.
 */
@ApplicationScoped
public class ApplyInPlace {

    private static final Logger LOG = Logger.getLogger(ApplyInPlace.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    public void run(String what, Runnable work) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // the record stays uncommitted and is delivered again after the restart
                }
                LOG.warnf("%s failed, retrying in %d ms: %s", what, pause.toMillis(), e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
