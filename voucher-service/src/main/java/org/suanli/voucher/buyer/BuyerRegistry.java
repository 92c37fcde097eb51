package org.suanli.voucher.buyer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.policy.BuyerType;
import org.suanli.voucher.policybook.PolicyBook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Registers and changes buyers, each change audited. */
@ApplicationScoped
public class BuyerRegistry {

    @Inject
    AuditTrail audit;

    @Inject
    PolicyBook policies;

    public Optional<Buyer> find(String id) {
        return Optional.ofNullable(Buyer.findById(id));
    }

    public List<Buyer> all() {
        return Buyer.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional
    public Buyer register(String id, BuyerForm form, String actor) {
        if (!id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw ProblemException.badRequest("buyer id '" + id + "' must be 2-64 lowercase letters, digits or dashes");
        }
        boolean foundationModel = Boolean.TRUE.equals(form.foundationModel());
        Long capOverride = form.capOverride() == null ? null : Money.parsePositiveYuan("capOverride", form.capOverride());
        if (capOverride != null && (!foundationModel || form.type() != BuyerType.ENTERPRISE)) {
            throw ProblemException.unprocessable("cap-override-not-allowed",
                    "only a foundation-model enterprise may have its cap raised (docs/POLICY.md rule 7)");
        }
        if (capOverride != null) {
            // "放宽": the bureau may only raise the cap; an override at or below it would be shown but never applied.
            policies.engine().versionOn(LocalDate.now(PolicyBook.SHANGHAI))
                    .flatMap(v -> v.parameters().suanli().enterpriseCap())
                    .filter(policyCap -> capOverride <= policyCap)
                    .ifPresent(policyCap -> {
                        throw ProblemException.unprocessable("cap-override-not-higher", "a cap override must be above the "
                                + Money.format(policyCap) + " CNY cap of the policy in force; leave it out to keep that cap");
                    });
        }
        Buyer.find("creditCode = ?1 and id <> ?2", form.creditCode(), id).firstResultOptional().ifPresent(other -> {
            throw ProblemException.conflict("credit-code-taken",
                    "credit code " + form.creditCode() + " is already registered to buyer '" + ((Buyer) other).id + "'");
        });
        Buyer buyer = Buyer.findById(id);
        boolean created = buyer == null;
        if (created) {
            buyer = new Buyer();
            buyer.id = id;
        }
        buyer.name = form.name().trim();
        buyer.creditCode = form.creditCode();
        buyer.type = form.type();
        buyer.sme = form.sme();
        buyer.foundationModel = foundationModel;
        buyer.capOverrideFen = capOverride;
        buyer.relatedPartyCreditCodes = new HashSet<>(form.relatedPartyCreditCodes() == null ? List.of() : form.relatedPartyCreditCodes());
        buyer.legalRepresentative = blankAsNull(form.legalRepresentative());
        buyer.address = blankAsNull(form.address());
        buyer.contact = blankAsNull(form.contact());
        buyer.updatedAt = Instant.now();
        if (created) {
            buyer.persist();
        }
        audit.record(actor, created ? "BUYER_REGISTERED" : "BUYER_CHANGED", "buyer:" + id, form.reason(),
                BuyerView.of(buyer).toString());
        return buyer;
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
