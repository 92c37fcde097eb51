package org.suanli.voucher.hold;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.money.Rates;
import org.suanli.kernel.problem.ProblemException;

import java.time.Instant;
import java.util.List;

/** The append-only budget ledger: every hold, redemption and release, for an order or a program year. */
@Path("/api/ledger")
@RolesAllowed({"finance", "admin"})
public class LedgerResource {

    public record MovementView(long id, String orderId, String buyerId, String program, int year, String kind,
                               String amount, String rate, List<String> reasons, Instant at) {
        static MovementView of(BudgetMovement m) {
            return new MovementView(m.id, m.orderId, m.buyerId, m.program.name(), m.programYear, m.kind.name(),
                    Money.format(m.amountFen), Rates.format(m.rateBp),
                    m.reasons.isEmpty() ? List.of() : List.of(m.reasons.split(";")), m.at);
        }
    }

    @Inject
    EntityManager em;

    @Operation(summary = "Subsidy movements", description = "Holds, redemptions and releases, newest first.")
    @GET
    public List<MovementView> list(@QueryParam("orderId") String orderId, @QueryParam("year") String yearParam,
                                   @QueryParam("limit") @DefaultValue("1000") String limitParam) {
        orderId = org.suanli.kernel.http.Params.text("orderId", orderId);
        Integer year = org.suanli.kernel.http.Params.year("year", yearParam, false);
        int limit = org.suanli.kernel.http.Params.integer("limit", limitParam, 1000, 1, Integer.MAX_VALUE);
        if (orderId == null && year == null) {
            throw ProblemException.badRequest("give an orderId or a program year");
        }
        // The latest movements when a limit cuts the list, shown oldest first.
        List<MovementView> latest = new java.util.ArrayList<>(em.createQuery("""
                        from BudgetMovement where (:order is null or orderId = :order) and (:year is null or programYear = :year)
                        order by at desc, id desc""", BudgetMovement.class)
                .setParameter("order", orderId).setParameter("year", year).setMaxResults(Math.max(1, Math.min(limit, 10_000)))
                .getResultStream()
                .map(MovementView::of)
                .toList());
        java.util.Collections.reverse(latest);
        return latest;
    }
}
