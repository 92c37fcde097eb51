package org.suanli.settlement.ledger;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger, read-only except for corrections (finance). A partner may read the entries of its own orders
 * (someone else's order is "not found"); finance and admin read everything.
 */
@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Ledger ledger;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Operation(summary = "An order's ledger", description = "Every journal entry of one order with its postings, and what the order stands at now.")
    @GET
    @Path("/orders/{orderId}")
    @RolesAllowed({"finance", "admin", "partner"})
    public OrderLedgerView order(@PathParam("orderId") String orderId) {
        List<JournalEntry> entries = ledger.entriesOf(orderId);
        if (entries.isEmpty() || (!caller.isOfficial() && !caller.partnerId().equals(entries.get(0).partnerId))) {
            throw ProblemException.notFound("Order in the ledger", orderId);
        }
        OrderAmounts now = ledger.effective(orderId);
        return new OrderLedgerView(orderId, Money.format(now.buyerPaysFen()), Money.format(now.suanliFen()),
                Money.format(now.zhinengFen()), Money.format(now.partnerOwedFen()),
                entries.stream().map(e -> EntryView.of(e, ledger.postingsOf(e.id))).toList());
    }

    @Operation(summary = "Correct an order's figures", description = "Finance posts a correcting entry so that the order's buyer share and subsidies become the figures given, with a reason; the ledger stays balanced.")
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @POST
    @Path("/orders/{orderId}/corrections")
    @RolesAllowed("finance")
    public Response correct(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("orderId") String orderId,
                            @Valid @NotNull CorrectionForm form) {
        OrderAmounts target = new OrderAmounts(figure("buyerPays", form.buyerPays()), figure("suanli", form.suanli()),
                figure("zhineng", form.zhineng()));
        // A retried correction with the same key answers the entry it made; it is not posted twice.
        Idempotency.Outcome<EntryView> made = idempotency.once(
                idempotency.key("correction", caller.name(), idempotencyKey, List.of(orderId, form)),
                () -> {
                    JournalEntry e = ledger.correct(orderId, target, form.reason().trim(), caller.name());
                    return EntryView.of(e, ledger.postingsOf(e.id));
                },
                v -> String.valueOf(v.id()),
                id -> {
                    JournalEntry e = JournalEntry.findById(Long.parseLong(id));
                    return EntryView.of(e, ledger.postingsOf(e.id));
                });
        return Response.status(made.status()).entity(made.value()).build();
    }

    /**
     * A corrected figure in fen. A well-formed negative figure ("-100.00") is read as such, so that the rule
     * refusing negative shares answers it (422) rather than the parser (400).
     */
    static long figure(String field, String yuan) {
        String s = yuan == null ? "" : yuan.trim();
        if (s.matches("-[0-9].*")) {
            return -Money.parseYuan(field, s.substring(1));
        }
        return Money.parseYuan(field, yuan);
    }

    @Operation(summary = "Trial balance", description = "Debits and credits per account (optionally under an `account` prefix), and whether the whole ledger balances.")
    @GET
    @Path("/trial-balance")
    @RolesAllowed({"finance", "admin"})
    public TrialBalanceView trialBalance(@QueryParam("account") String accountPrefix) {
        long debits = 0;
        long credits = 0;
        List<TrialBalanceView.AccountLine> lines = new ArrayList<>();
        for (Object[] r : ledger.trialBalance(accountPrefix)) {
            long d = ((Number) r[1]).longValue();
            long c = ((Number) r[2]).longValue();
            debits += d;
            credits += c;
            lines.add(new TrialBalanceView.AccountLine((String) r[0], Money.format(d), Money.format(c), Money.format(d - c)));
        }
        // "balanced" speaks of the whole ledger: one account alone never balances, and that is no fault.
        boolean balanced = accountPrefix == null || accountPrefix.isBlank() ? debits == credits : ledger.netFen() == 0;
        Ledger.Payables p = ledger.payables();
        return new TrialBalanceView(Money.format(debits), Money.format(credits), balanced, Money.format(p.paidFen()),
                Money.format(p.openFen()), Money.format(p.owedBackFen()), lines);
    }
}
