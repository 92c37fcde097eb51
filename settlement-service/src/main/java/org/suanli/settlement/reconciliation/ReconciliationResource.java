package org.suanli.settlement.reconciliation;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.client.CallerToken;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * The ledger against voucher-service, for a program year ({@code ?period=2026} or {@code ?year=2026}) or one
 * month of it ({@code ?period=2026-11} or {@code ?year=2026&month=11}). Finance and admin only (voucher-service
 * answers them alone); JSON or CSV.
 */
@Path("/api/reconciliation")
@RolesAllowed({"finance", "admin"})
public class ReconciliationResource {

    @Inject
    ReconciliationService service;

    @Inject
    CallerToken token;

    record Scope(String label, int year, Integer month) {
    }

    @Operation(summary = "Reconcile vouchers against the ledger", description = "The voucher service's redemptions of a period against the ledger, order by order, with every difference.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReconciliationView reconcile(@QueryParam("period") String period, @QueryParam("year") String year,
                                        @QueryParam("month") String month) {
        Scope s = scope(period, year, month);
        return ReconciliationView.of(s.label(), s.year(), s.month(), service.reconcile(s.year(), s.month(), token.bearer()));
    }

    @Operation(summary = "Reconciliation as CSV", description = "The same reconciliation for the finance office's spreadsheet.")
    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("period") String period, @QueryParam("year") String year,
                        @QueryParam("month") String month) {
        Scope s = scope(period, year, month);
        Reconciliation r = service.reconcile(s.year(), s.month(), token.bearer());
        StreamingOutput body = out -> ReconciliationCsv.write(r,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + s.label() + ".csv\"").build();
    }

    static Scope scope(String period, String year, String month) {
        if (period != null && !period.isBlank()) {
            if (year != null || month != null) {
                throw ProblemException.badRequest("give either period or year/month, not both");
            }
            String p = period.trim();
            if (p.length() == 4) {
                int y = Periods.year(p);
                return new Scope(String.valueOf(y), y, null);
            }
            YearMonth ym = Periods.month(p);
            return new Scope(Periods.format(ym), ym.getYear(), ym.getMonthValue());
        }
        if (year == null || year.isBlank()) {
            throw ProblemException.badRequest("say which program year to reconcile: ?period=2026 or ?period=2026-11");
        }
        int y = Periods.year(year);
        if (month == null || month.isBlank()) {
            return new Scope(String.valueOf(y), y, null);
        }
        int m = Periods.monthNumber(month);
        return new Scope(Periods.format(YearMonth.of(y, m)), y, m);
    }
}
