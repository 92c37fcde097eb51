package org.suanli.voucher.hold;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The voucher side's own redeemed figures, order by order, for the finance bureau's reconciliation
 * against the settlement ledger. The period is the contract date's (program year, month). {@code suanli} and
 * {@code zhineng} are as redeemed at delivery (or approval); what the bureau clawed back since is beside
 * them in {@code suanliRecovered} / {@code zhinengRecovered}. Claims still in review are not listed: not payable.
 */
@Path("/api/redemptions")
@RolesAllowed({"finance", "admin"})
public class RedemptionResource {

    public record RedemptionView(String orderId, String buyerId, int programYear, LocalDate contractDate,
                                 Instant redeemedAt, String actualAmount, String suanli, String zhineng,
                                 String suanliRecovered, String zhinengRecovered) {
    }

    @Inject
    EntityManager em;

    @Operation(summary = "Redemptions of a period", description = "Every redemption of a year (and month), for reconciliation.")
    @GET
    public List<RedemptionView> list(@QueryParam("year") String yearParam, @QueryParam("month") String monthParam) {
        int year = org.suanli.kernel.http.Params.year("year", yearParam, true);
        Integer month = org.suanli.kernel.http.Params.month("month", monthParam);
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? from.plusYears(1) : from.plusMonths(1);
        return em.createQuery("""
                        from SubsidyHold where status = :s and contractDate >= :from and contractDate < :to
                        order by orderId""", SubsidyHold.class)
                .setParameter("s", SubsidyHold.Status.REDEEMED).setParameter("from", from).setParameter("to", to)
                .getResultStream()
                .map(h -> new RedemptionView(h.orderId, h.buyerId, h.programYear, h.contractDate, h.redeemedAt,
                        Money.format(h.actualAmountFen), Money.format(h.suanliRedeemedFen), Money.format(h.zhinengRedeemedFen),
                        Money.format(h.suanliRecoveredFen), Money.format(h.zhinengRecoveredFen)))
                .toList();
    }
}
