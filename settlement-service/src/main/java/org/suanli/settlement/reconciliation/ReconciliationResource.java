package org.suanli.settlement.reconciliation;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.suanli.kernel.csv.Csv;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.client.CallerToken;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger against voucher-service, for a program year ({@code ?period=2026} or {@code ?year=2026}) or one
 * month of it ({@code ?period=2026-11} or {@code ?year=2026&month=11}). Finance and admin only (voucher-service
 * answers them alone); JSON (the matched orders paged: {@code ?page=0&size=100}) or CSV. Finance acknowledges a
 * difference that a correction or clawback explains; the period then reads "clean, with N acknowledged differences".
 */
@Path("/api/reconciliation")
@RolesAllowed({"finance", "admin"})
public class ReconciliationResource {

    @Inject
    ReconciliationService service;

    @Inject
    CallerToken token;

    @Inject
    Caller caller;

    record Scope(String label, int year, Integer month) {
    }

    @Operation(summary = "Reconcile vouchers against the ledger", description = "The voucher service's redemptions of a period against the ledger, order by order, with every difference.")
    @Extension(name = ApiContract.REFUSES, value = "502 503")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReconciliationView reconcile(@QueryParam("period") String period, @QueryParam("year") String year,
                                        @QueryParam("month") String month, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        Scope s = scope(period, year, month);
        int p = whole("page", page, 0);
        int n = whole("size", size, 100);
        if (p < 0 || n < 1 || n > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        ReconciliationService.Closed c = service.reconcileAndClose(s.year(), s.month(), token.bearer());
        return ReconciliationView.of(s.label(), s.year(), s.month(), c.reconciliation(), c.closing(), p, n);
    }

    /** What finance says explains a difference: the order, the correction or clawback entry, and why. */
    public record AcknowledgementForm(@NotBlank @Size(max = 64) String orderId, @NotNull @Positive Long explainedByEntryId,
                                      @NotBlank @Size(max = 500) String reason) {
    }

    /** Finance acknowledges the difference an order shows now, linking the entry that explains it (201). */
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409 422 502 503")
    @POST
    @Path("/acknowledgements")
    @RolesAllowed("finance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response acknowledge(@Valid @NotNull AcknowledgementForm form) {
        Closing.Acknowledgement a = service.acknowledge(form.orderId().trim(), form.explainedByEntryId(),
                form.reason().trim(), caller.name(), token.bearer());
        return Response.status(201).entity(ReconciliationView.AcknowledgementView.of(a)).build();
    }

    @GET
    @Path("/acknowledgements")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReconciliationView.AcknowledgementView> acknowledgements(@QueryParam("year") String year) {
        return service.acknowledgements(Params.year("year", year, true)).stream().map(ReconciliationView.AcknowledgementView::of).toList();
    }

    static final int MAX_PAGE_SIZE = 1000;

    private static int whole(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + value + "'");
        }
    }

    @Operation(summary = "Reconciliation as CSV", description = "The same reconciliation for the finance office's spreadsheet.")
    @Extension(name = ApiContract.REFUSES, value = "502 503")
    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("period") String period, @QueryParam("year") String year,
                        @QueryParam("month") String month) {
        Scope s = scope(period, year, month);
        ReconciliationService.Closed c = service.reconcileAndClose(s.year(), s.month(), token.bearer());
        StreamingOutput body = out -> ReconciliationCsv.write(c.reconciliation(), c.closing(),
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return Response.ok(body, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + s.label() + ".csv\"").build();
    }

    static Scope scope(String period, String year, String month) {
        if (period != null && !period.isBlank()) {
            if (year != null || month != null) {
                throw ProblemException.badRequest("give either period or year/month, not both");
            }
            String p = period.trim();
            if (p.length() == 4) {
                int y = Params.year("period", p, true);
                return new Scope(String.valueOf(y), y, null);
            }
            YearMonth ym = Periods.month(p);
            return new Scope(Periods.format(ym), ym.getYear(), ym.getMonthValue());
        }
        if (year == null || year.isBlank()) {
            throw ProblemException.badRequest("say which program year to reconcile: ?period=2026 or ?period=2026-11");
        }
        int y = Params.year("year", year, true);
        Integer m = Params.month("month", month);
        if (m == null) {
            return new Scope(String.valueOf(y), y, null);
        }
        return new Scope(Periods.format(YearMonth.of(y, m)), y, m);
    }
}
