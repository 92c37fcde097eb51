package org.suanli.voucher.whatif;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.policy.PolicyParameters;
import org.suanli.voucher.policy.PolicyParametersJson;

import java.time.LocalDate;
import java.util.List;

/**
 * Policy what-if for the program office and the finance bureau: a program year's contracts (or a date
 * range) decided again under another policy version or a draft parameter set. A question, not a change:
 * nothing live moves (docs/POLICY.md, "Policy what-if").
 */
@Path("/api/what-if")
public class WhatIfResource {

    /**
     * {@code year}, or {@code from} and {@code to}; {@code policy} (a version's code) or {@code parameters} (a
     * draft); {@code effectiveFrom}: the alternative governs from that day, the live versions before it.
     */
    public record WhatIfForm(@Min(2023) @Max(2100) Integer year, LocalDate from, LocalDate to,
                             @Pattern(regexp = "[A-Z0-9-]{2,32}") String policy, JsonNode parameters,
                             LocalDate effectiveFrom, String suanliBudget, String zhinengBudget) {
    }

    public record ProgramView(String program, String live, String replayed, String difference) {
    }

    public record RowView(String key, int liveContracts, String live, int replayedContracts, String replayed,
                          String difference) {
    }

    public record RunOutView(String program, int year, String budget, String left, LocalDate liveRunOut,
                             LocalDate replayedRunOut) {
    }

    public record BuyerView(String buyerId, String live, String replayed, String difference) {
    }

    public record WhatIfView(String alternative, LocalDate from, LocalDate to, LocalDate effectiveFrom, int contracts,
                             int unregistered, List<ProgramView> programs, List<RowView> byTier, List<RowView> byCategory,
                             List<RowView> byDistrict, List<RowView> byPartner, List<RunOutView> runOut,
                             List<BuyerView> gainMost, List<BuyerView> loseMost) {
    }

    /** The longest period one question may cover: three program years. */
    static final int MOST_YEARS = 3;

    @Inject
    WhatIfService whatIf;

    @Extension(name = ApiContract.REFUSES, value = "404")
    @POST
    @RolesAllowed({"admin", "finance"})
    public WhatIfView ask(@Valid @NotNull WhatIfForm f) {
        LocalDate from;
        LocalDate to;
        if (f.year() != null) {
            if (f.from() != null || f.to() != null) {
                throw ProblemException.badRequest("give either a program year or a from/to range, not both");
            }
            from = LocalDate.of(f.year(), 1, 1);
            to = LocalDate.of(f.year(), 12, 31);
        } else {
            if (f.from() == null || f.to() == null) {
                throw ProblemException.badRequest("give a program year, or both from and to");
            }
            from = f.from();
            to = f.to();
        }
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.getYear() - from.getYear() >= MOST_YEARS || from.getYear() < 2023) {
            throw ProblemException.badRequest("a what-if covers at most " + MOST_YEARS + " program years, from 2023 on");
        }
        if ((f.policy() == null) == (f.parameters() == null)) {
            throw ProblemException.badRequest("name the alternative: either 'policy' (a version's code) or 'parameters' (a draft)");
        }
        PolicyParameters alternative;
        String name;
        if (f.policy() != null) {
            alternative = whatIf.parametersOf(f.policy());
            name = f.policy();
        } else {
            try {
                alternative = PolicyParametersJson.read(f.parameters().toString());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
            name = "draft parameters";
        }
        if (f.effectiveFrom() != null && (f.effectiveFrom().isBefore(from) || f.effectiveFrom().isAfter(to))) {
            throw ProblemException.badRequest("effectiveFrom " + f.effectiveFrom() + " lies outside " + from + " – " + to);
        }
        WhatIfReport r = whatIf.replay(new WhatIfService.Question(from, to, alternative, f.effectiveFrom(),
                budget(f.suanliBudget(), "suanliBudget"), budget(f.zhinengBudget(), "zhinengBudget")));
        return new WhatIfView(name, from, to, f.effectiveFrom(), r.contracts(), r.unregistered(),
                r.programs().stream().map(p -> new ProgramView(p.program().name(), Money.format(p.liveFen()),
                        Money.format(p.replayedFen()), Money.format(p.differenceFen()))).toList(),
                rows(r.byTier()), rows(r.byCategory()), rows(r.byDistrict()), rows(r.byPartner()),
                r.runOut().stream().map(o -> new RunOutView(o.program().name(), o.year(), Money.format(o.budgetFen()),
                        Money.format(o.leftFen()), o.liveRunOut(), o.replayedRunOut())).toList(),
                buyers(r.gainMost()), buyers(r.loseMost()));
    }

    private static Long budget(String yuan, String field) {
        if (yuan == null) {
            return null;
        }
        try {
            return Money.parseYuan(yuan);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
    }

    private static List<RowView> rows(List<WhatIfReport.Row> rows) {
        return rows.stream().map(w -> new RowView(w.key(), w.liveContracts(), Money.format(w.liveFen()), w.replayedContracts(),
                Money.format(w.replayedFen()), Money.format(w.replayedFen() - w.liveFen()))).toList();
    }

    private static List<BuyerView> buyers(List<WhatIfReport.BuyerChange> changes) {
        return changes.stream().map(b -> new BuyerView(b.buyerId(), Money.format(b.liveFen()), Money.format(b.replayedFen()),
                Money.format(b.differenceFen()))).toList();
    }
}
