package org.suanli.settlement.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * A record that can never be applied (not an envelope, an unreadable or impossible payload) is kept here for a
 * person to look at instead of stopping the channel or being retried forever.
 */
@ApplicationScoped
public class UnreadableEvents {

    private static final Logger LOG = Logger.getLogger(UnreadableEvents.class);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(String channel, String problem, String body) {
        LOG.errorf("channel %s: event set aside, it cannot be applied: %s", channel, problem);
        em.createNativeQuery("insert into unreadable_event (channel, problem, body) values (?1, ?2, ?3)")
                .setParameter(1, channel).setParameter(2, problem)
                .setParameter(3, body == null ? "" : body.length() > 100_000 ? body.substring(0, 100_000) : body)
                .executeUpdate();
    }
}
