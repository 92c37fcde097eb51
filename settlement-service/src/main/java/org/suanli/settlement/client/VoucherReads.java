package org.suanli.settlement.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.reconciliation.VoucherAmounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads from voucher-service, its failures turned into problems a finance user understands: 502 when it
 * answers with an error or nonsense, 503 when it cannot be reached. Nothing here changes any state.
 */
@ApplicationScoped
public class VoucherReads {

    private static final Logger LOG = Logger.getLogger(VoucherReads.class);

    @Inject
    @RestClient
    VoucherApi api;

    /** Voucher-service's redeemed figures for a program year (and month), as fen per order. */
    public List<VoucherAmounts> redemptions(int year, Integer month, String bearer) {
        List<VoucherApi.Redemption> rows = call(() -> api.redemptions(year, month, bearer), "redemptions");
        List<VoucherAmounts> out = new ArrayList<>(rows == null ? 0 : rows.size());
        if (rows == null) {
            return out;
        }
        for (VoucherApi.Redemption r : rows) {
            if (r == null || r.orderId() == null || r.orderId().isBlank()) {
                throw badAnswer("a redemption without an order id");
            }
            out.add(new VoucherAmounts(r.orderId(), fen(r.suanli(), r.orderId()), fen(r.zhineng(), r.orderId())));
        }
        return out;
    }

    /** Budget figures per program for a year, fen. */
    public List<BudgetFigures> budgets(int year, String bearer) {
        List<VoucherApi.Budget> rows = call(() -> api.budgets(year, bearer), "budgets");
        List<BudgetFigures> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (VoucherApi.Budget b : rows) {
            if (b == null || b.program() == null) {
                throw badAnswer("a budget without a program");
            }
            out.add(new BudgetFigures(b.program(), b.year() == null ? year : b.year(), fen(b.budget(), b.program()),
                    fen(b.held(), b.program()), fen(b.redeemed(), b.program())));
        }
        return out;
    }

    public record BudgetFigures(String program, int year, long budgetFen, long heldFen, long redeemedFen) {
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call, String what) {
        try {
            return call.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("voucher-service answered %d to the %s read", status, what);
            throw new ProblemException(502, "voucher-service-refused", "voucher-service refused the read",
                    "voucher-service answered HTTP " + status + " when asked for its " + what
                            + (status == 401 || status == 403 ? " (it does not accept your token for this read)" : ""),
                    Map.of("upstreamStatus", status));
        } catch (ProcessingException e) {
            LOG.warnf("voucher-service unreachable for the %s read: %s", what, e.getMessage());
            throw new ProblemException(503, "voucher-service-unavailable", "voucher-service is unavailable",
                    "voucher-service could not be reached for its " + what + "; try again in a moment");
        }
    }

    private static long fen(String yuan, String where) {
        if (yuan == null) {
            return 0;
        }
        try {
            return Money.parseYuan(yuan);
        } catch (IllegalArgumentException e) {
            throw badAnswer("amount '" + yuan + "' for " + where + " is not a yuan figure");
        }
    }

    private static ProblemException badAnswer(String detail) {
        return new ProblemException(502, "voucher-service-bad-answer", "voucher-service answered nonsense", detail);
    }
}
