package org.suanli.voucher.hold;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.fraud.FraudWatch;
import org.suanli.voucher.buyer.BuyerRegistry;

import java.util.List;

/**
 * voucher-service's part of an order's claim dossier (兑付材料), for settlement-service to assemble: the hold with
 * its decision, the buyer's registered identity (credit code), every budget movement of the order and the audit
 * entries about it. Readable by the order's buyer, its partner and officials (someone else's order is "not
 * found"), and the same for each of them, so the dossier's content hash does not depend on who asked.
 */
@Path("/api/claim-records/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimRecordResource {

    /** The buyer as its contract's counterparty sees it: no caps or related parties. */
    public record BuyerIdentity(String id, String name, String creditCode, String type, boolean sme) {
    }

    public record ClaimRecord(HoldView hold, String partnerId, BuyerIdentity buyer,
                              List<LedgerResource.MovementView> movements, List<AuditTrail.Entry> audit) {
    }

    @Inject
    HoldService holds;

    @Inject
    BuyerRegistry buyers;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"sme", "partner", "admin", "finance"})
    public ClaimRecord get(@PathParam("orderId") String orderId) {
        SubsidyHold h = holds.find(orderId);
        if (h == null || !(caller.isOfficial()
                || (caller.is(Caller.SME) && h.buyerId.equals(caller.enterpriseId()))
                || (caller.is(Caller.PARTNER) && h.partnerId != null && h.partnerId.equals(caller.partnerId())))) {
            throw ProblemException.notFound("Subsidy hold for order", orderId);
        }
        BuyerIdentity buyer = buyers.find(h.buyerId)
                .map(b -> new BuyerIdentity(b.id, b.name, b.creditCode, b.type.name(), b.sme)).orElse(null);
        List<LedgerResource.MovementView> movements = em.createQuery(
                        "from BudgetMovement where orderId = ?1 order by at, id", BudgetMovement.class)
                .setParameter(1, orderId).getResultStream().map(LedgerResource.MovementView::of).toList();
        // Entries about an order have the subject "order:<id>"; the fraud signals stay with officials.
        List<AuditTrail.Entry> trail = audit.about("order:" + orderId).stream()
                .filter(a -> !FraudWatch.AUDIT_ACTION.equals(a.action())).toList();
        return new ClaimRecord(HoldView.of(h), h.partnerId, buyer, movements, trail);
    }
}
