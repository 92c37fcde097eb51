package org.suanli.voucher.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.suanli.voucher.budget.EnterpriseYears;
import org.suanli.voucher.budget.Program;
import org.suanli.voucher.budget.ProgramBudgets;
import org.suanli.voucher.buyer.Buyer;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.SubsidyDecision;
import org.suanli.voucher.policy.SubsidyRequest;
import org.suanli.voucher.policy.ZhinengMode;
import org.suanli.voucher.policybook.PolicyBook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision for a prospective contract, as if it were placed now, with nothing held: what the buyer
 * would see before ordering. Reads budgets and usage without locking; the hold decides for real.
 */
@ApplicationScoped
public class QuoteService {

    public record Prospect(Category category, FacilityType facilityType, boolean filedModel, boolean partnerApproved,
                           String partnerCreditCode, long amountFen) {
    }

    @Inject
    PolicyBook policies;

    @Inject
    ProgramBudgets budgets;

    @Inject
    EnterpriseYears enterprises;

    /** Quotes every prospect for one buyer and date; budgets and the buyer's year are read once for all. */
    public List<SubsidyDecision> quote(Buyer buyer, LocalDate contractDate, ZhinengMode mode, List<Prospect> prospects) {
        PolicyEngine engine = policies.engine();
        int year = contractDate.getYear();
        long suanliLeft = 0;
        long zhinengLeft = 0;
        for (ProgramBudgets.Figures f : budgets.figures(year)) {
            if (f.program() == Program.SUANLI) {
                suanliLeft = f.remainingFen();
            } else {
                zhinengLeft = f.remainingFen();
            }
        }
        long used = 0;
        long declared = 0;
        for (EnterpriseYears.Usage u : enterprises.usage(year, buyer.id)) {
            used = u.suanliHeldFen() + u.suanliRedeemedFen();
            declared = u.declaredFen();
        }
        List<SubsidyDecision> decisions = new ArrayList<>(prospects.size());
        for (Prospect p : prospects) {
            decisions.add(engine.decide(new SubsidyRequest(contractDate, buyer.type, buyer.sme, buyer.foundationModel,
                    buyer.foundationModel ? buyer.capOverrideFen : null, p.category(), p.facilityType(), p.filedModel(),
                    p.amountFen(), declared, used, suanliLeft, mode, zhinengLeft, p.partnerApproved(),
                    buyer.isRelatedTo(p.partnerCreditCode()))));
        }
        return decisions;
    }
}
