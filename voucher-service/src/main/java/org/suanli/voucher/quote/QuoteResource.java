package org.suanli.voucher.quote;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.money.Rates;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.buyer.Buyer;
import org.suanli.voucher.buyer.BuyerRegistry;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ReasonCode;
import org.suanli.voucher.policy.SubsidyDecision;
import org.suanli.voucher.policy.ZhinengMode;
import org.suanli.voucher.policybook.PolicyBook;

import java.time.LocalDate;
import java.util.List;

/** Quotes: the subsidy a buyer would get on a prospective contract; nothing is held. */
@Path("/api/quotes")
public class QuoteResource {

    public record Item(@Size(max = 100) String ref, @NotNull Category category, FacilityType facilityType,
                       Boolean filedModel, Boolean partnerApproved, String partnerCreditCode,
                       @NotBlank String amount) {
    }

    public record QuoteForm(LocalDate contractDate, ZhinengMode zhinengMode, @Valid @NotNull Item item) {
    }

    public record BatchForm(LocalDate contractDate, ZhinengMode zhinengMode,
                            @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items) {
    }

    public record QuoteView(String ref, String policy, String amount, String suanliRate, String suanliComputed,
                            String suanliGranted, String zhinengRate, String zhinengComputed, String zhinengGranted,
                            String buyerPays, List<String> reasons) {

        static QuoteView of(String ref, SubsidyDecision d) {
            return new QuoteView(ref, d.policyCode(), Money.format(d.amountFen()), Rates.format(d.suanliRateBp()),
                    Money.format(d.suanliComputedFen()), Money.format(d.suanliGrantedFen()), Rates.format(d.zhinengRateBp()),
                    Money.format(d.zhinengComputedFen()), Money.format(d.zhinengGrantedFen()), Money.format(d.buyerPaysFen()),
                    d.reasons().stream().map(ReasonCode::name).toList());
        }
    }

    public record BatchView(List<QuoteView> items) {
    }

    @Inject
    QuoteService quotes;

    @Inject
    BuyerRegistry buyers;

    @Inject
    Caller caller;

    /** A buyer quotes for itself; an official for any registered buyer ({@code ?buyerId=}). */
    @Operation(summary = "Quote a subsidy", description = "What subsidy the buyer would get for one contract today, and why.")
    @Extension(name = ApiContract.REFUSES, value = "422")
    @POST
    @RolesAllowed({"sme", "admin", "finance"})
    public QuoteView quote(@QueryParam("buyerId") String buyerId, @Valid @NotNull QuoteForm form) {
        return decide(buyerId, form.contractDate(), form.zhinengMode(), List.of(form.item()), k -> "item.amount")
                .items().get(0);
    }

    @Operation(summary = "Quote many offerings", description = "Subsidy quotes for many offerings at once (catalog's net-price search uses it).")
    @Extension(name = ApiContract.REFUSES, value = "422")
    @POST
    @Path("/batch")
    @RolesAllowed({"sme", "admin", "finance"})
    public BatchView batch(@QueryParam("buyerId") String buyerId, @Valid @NotNull BatchForm form) {
        return decide(buyerId, form.contractDate(), form.zhinengMode(), form.items(), k -> "items[" + k + "].amount");
    }

    private BatchView decide(String buyerId, LocalDate contractDate, ZhinengMode zhinengMode, List<Item> items,
                             java.util.function.IntFunction<String> amountField) {
        Buyer buyer = buyer(buyerId);
        LocalDate date = contractDate == null ? LocalDate.now(PolicyBook.SHANGHAI) : contractDate;
        ZhinengMode mode = zhinengMode == null ? ZhinengMode.NONE : zhinengMode;
        List<QuoteService.Prospect> prospects = new java.util.ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            prospects.add(new QuoteService.Prospect(i.category(), i.facilityType(), Boolean.TRUE.equals(i.filedModel()),
                    !Boolean.FALSE.equals(i.partnerApproved()), i.partnerCreditCode(),
                    Money.parsePositiveYuan(amountField.apply(k), i.amount())));
        }
        List<SubsidyDecision> decisions = quotes.quote(buyer, date, mode, prospects);
        List<QuoteView> views = new java.util.ArrayList<>(decisions.size());
        for (int k = 0; k < decisions.size(); k++) {
            views.add(QuoteView.of(items.get(k).ref(), decisions.get(k)));
        }
        return new BatchView(views);
    }

    private Buyer buyer(String buyerParam) {
        String buyerId = org.suanli.kernel.http.Params.text("buyerId", buyerParam);
        String id;
        if (caller.isOfficial()) {
            if (buyerId == null) {
                throw ProblemException.badRequest("query parameter buyerId is required when an official asks for a quote");
            }
            id = buyerId;
        } else {
            id = caller.enterpriseId();
            if (buyerId != null && !buyerId.equals(id)) {
                throw ProblemException.forbidden("a buyer quotes for itself only; leave out buyerId or give your own ('" + id + "')");
            }
        }
        return buyers.find(id).orElseThrow(() -> ProblemException.unprocessable("buyer-not-registered",
                "buyer '" + id + "' is not in the registry; the program operator registers buyers before they get vouchers"));
    }
}
