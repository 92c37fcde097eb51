package org.suanli.voucher.budget;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.json.FreeText;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.audit.AuditTrail;

import java.util.List;

/** Program budgets per year: set by admin, read at any moment by admin and finance; usage per buyer. */
@Path("/api/budgets")
public class BudgetResource {

    /** {@code recovered}: clawed back since redemption; it no longer counts as redeemed and is not remaining either. */
    public record BudgetView(String program, int year, String budget, String held, String redeemed, String remaining,
                             String recovered) {
        static BudgetView of(ProgramBudgets.Figures f) {
            return new BudgetView(f.program().name(), f.year(), Money.format(f.budgetFen()), Money.format(f.heldFen()),
                    Money.format(f.redeemedFen()), Money.format(f.remainingFen()), Money.format(f.recoveredFen()));
        }
    }

    public record BudgetForm(@NotBlank String budget, @FreeText @NotBlank @Size(max = 500) String reason) {
    }

    public record UsageView(String buyerId, int year, String cap, String suanliHeld, String suanliRedeemed,
                            String capRemaining, String declared) {
        static UsageView of(EnterpriseYears.Usage u) {
            return new UsageView(u.buyerId(), u.year(), Money.format(u.capFen()), Money.format(u.suanliHeldFen()),
                    Money.format(u.suanliRedeemedFen()),
                    Money.format(u.capFen() - u.suanliHeldFen() - u.suanliRedeemedFen()), Money.format(u.declaredFen()));
        }
    }

    @Inject
    ProgramBudgets budgets;

    @Inject
    EnterpriseYears enterprises;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Operation(summary = "Programme budgets", description = "Each programme's budget of a year with what is held, redeemed and remaining.")
    @GET
    @RolesAllowed({"admin", "finance"})
    public List<BudgetView> list(@QueryParam("year") String year) {
        return budgets.figures(Params.year("year", year, false)).stream().map(BudgetView::of).toList();
    }

    /** One program's budget of one year, with its ETag (send it back as If-Match when setting it). */
    @Operation(summary = "One programme budget", description = "One programme's budget of one year, with its ETag: send it back as If-Match when setting the budget.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/{program}/{year}")
    @RolesAllowed({"admin", "finance"})
    @Versioned
    @Transactional
    public BudgetView one(@PathParam("program") String program, @PathParam("year") String yearParam) {
        Program p = parseProgram(program);
        int year = Params.year("year", yearParam, true);
        BudgetView view = current(p, year);
        if (view == null) {
            throw ProblemException.notFound("Budget", p + " " + year);
        }
        return view;
    }

    @Operation(summary = "Set a programme budget", description = "Sets the year's budget of SUANLI or ZHINENG (never below what is already held and redeemed), with a reason kept in the audit trail.")
    @Extension(name = ApiContract.REFUSES, value = "422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @PUT
    @Path("/{program}/{year}")
    @RolesAllowed("admin")
    @Versioned
    @Transactional
    public BudgetView set(@PathParam("program") String program, @PathParam("year") String yearParam,
                          @Valid @NotNull BudgetForm form) {
        Program p = parseProgram(program);
        int year = Params.year("year", yearParam, true);
        long fen = Money.parseYuan("budget", form.budget());
        return preconditions.write("budget:" + p + ":" + year, () -> current(p, year), () -> {
            ProgramBudgets.Figures f = budgets.set(p, year, fen);
            audit.record(caller.name(), "BUDGET_SET", "budget:" + p + ":" + year, form.reason(), Money.format(fen));
            return BudgetView.of(f);
        });
    }

    private BudgetView current(Program p, int year) {
        return budgets.figures(year).stream().filter(f -> f.program() == p).findFirst().map(BudgetView::of).orElse(null);
    }

    @Operation(summary = "Buyers' usage of a year", description = "Each buyer's cap, held, redeemed and remaining subsidy of the year; a buyer sees only its own.")
    @GET
    @Path("/{year}/buyers")
    @RolesAllowed({"admin", "finance", "sme"})
    public List<UsageView> usage(@PathParam("year") String yearParam) {
        int year = Params.year("year", yearParam, true);
        // A buyer sees only its own year.
        String only = caller.isOfficial() ? null : caller.enterpriseId();
        return enterprises.usage(year, only).stream().map(UsageView::of).toList();
    }

    static Program parseProgram(String program) {
        try {
            return Program.valueOf(program);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "not-found", "Program not found", "program '" + program
                    + "' does not exist; the programs are " + org.suanli.kernel.json.JsonWords.allowed(Program.class));
        }
    }
}
