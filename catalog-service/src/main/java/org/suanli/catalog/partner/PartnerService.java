package org.suanli.catalog.partner;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applications and vetting: every change of status recorded with its reason, and announced when others care. */
@ApplicationScoped
public class PartnerService {

    @Inject
    Outbox outbox;

    @Transactional
    public Optional<PartnerView> find(String id) {
        return Optional.ofNullable(Partner.<Partner>findById(id)).map(this::view);
    }

    @Transactional
    public List<PartnerView> list(PartnerStatus status) {
        List<Partner> partners = status == null ? Partner.listAll(Sort.by("id"))
                : Partner.list("status", Sort.by("id"), status);
        return partners.stream().map(this::view).toList();
    }

    /** A first application, or a corrected one while pending or after a rejection. */
    @Transactional
    public PartnerView apply(String partnerId, ApplicationForm form, String actor) {
        PartnerRules.checkApplication(form);
        Partner partner = Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
        PartnerStatus from = partner == null ? null : partner.status;
        PartnerStatus to = PartnerStatus.after(from, PartnerStatus.Action.APPLY);
        Partner.find("creditCode = ?1 and id <> ?2", form.creditCode(), partnerId).firstResultOptional().ifPresent(other -> {
            throw ProblemException.conflict("credit-code-taken",
                    "credit code " + form.creditCode() + " is already registered to another partner");
        });
        for (FacilityForm f : form.facilities()) {
            if (f.id() != null) {
                Facility existing = Facility.findById(f.id());
                if (existing != null && !existing.partner.id.equals(partnerId)) {
                    throw ProblemException.conflict("facility-id-taken", "facility id '" + f.id() + "' is taken; choose another");
                }
            }
        }
        boolean created = partner == null;
        if (created) {
            partner = new Partner();
            partner.id = partnerId;
        }
        partner.name = form.name().trim();
        partner.creditCode = form.creditCode();
        partner.legalRepresentative = blankAsNull(form.legalRepresentative());
        partner.address = blankAsNull(form.address());
        partner.contact = blankAsNull(form.contact());
        partner.status = to;
        partner.appliedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        partner.updatedAt = partner.appliedAt;
        replaceFacilities(partner, form.facilities());
        if (created) {
            partner.persist();
        }
        record(partnerId, from, to, from == null ? "application" : "application resubmitted", actor);
        return view(partner);
    }

    /** Facilities are matched by id (or by name) so that a resubmission updates in place. */
    private static void replaceFacilities(Partner partner, List<FacilityForm> forms) {
        Map<String, Facility> byId = new HashMap<>();
        Map<String, Facility> byName = new HashMap<>();
        partner.facilities.forEach(f -> {
            byId.put(f.id, f);
            byName.put(f.name, f);
        });
        List<Facility> next = new ArrayList<>();
        for (FacilityForm form : forms) {
            Facility f = form.id() != null ? byId.get(form.id()) : byName.get(form.name().trim());
            if (f == null) {
                f = new Facility();
                f.id = form.id() != null ? form.id() : "fac-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                f.partner = partner;
            }
            f.name = form.name().trim();
            f.district = form.district();
            f.declaredPue = form.pue();
            // a changed facility is vetted afresh
            f.type = null;
            f.checkedPue = null;
            f.secureControllable = null;
            f.pricingReasonable = null;
            f.vettingNote = null;
            f.vettedBy = null;
            f.vettedAt = null;
            f.accelerators.clear();
            for (FacilityForm.AcceleratorForm a : form.accelerators()) {
                f.accelerators.add(new Accelerator(a.model().trim(), a.count()));
            }
            next.add(f);
        }
        partner.facilities.removeIf(f -> !next.contains(f));
        for (Facility f : next) {
            if (!partner.facilities.contains(f)) {
                partner.facilities.add(f);
            }
        }
    }

    @Transactional
    public PartnerView approve(String partnerId, ApprovalForm form, String actor) {
        Partner partner = lock(partnerId);
        PartnerStatus from = partner.status;
        PartnerStatus to = PartnerStatus.after(from, PartnerStatus.Action.APPROVE);
        PartnerRules.checkApproval(partner.facilities.stream().map(f -> f.id).toList(), form.facilities());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (ApprovalForm.FacilityVetting v : form.facilities()) {
            Facility f = partner.facilities.stream().filter(x -> x.id.equals(v.facilityId())).findFirst().orElseThrow();
            f.type = v.type();
            f.checkedPue = v.checkedPue();
            f.secureControllable = v.secureAndControllable();
            f.pricingReasonable = v.pricingReasonable();
            f.vettingNote = v.note();
            f.vettedBy = actor;
            f.vettedAt = now;
        }
        return change(partner, from, to, form.reason(), actor);
    }

    @Transactional
    public PartnerView reject(String partnerId, String reason, String actor) {
        Partner partner = lock(partnerId);
        return change(partner, partner.status, PartnerStatus.after(partner.status, PartnerStatus.Action.REJECT), reason, actor);
    }

    @Transactional
    public PartnerView suspend(String partnerId, String reason, String actor) {
        Partner partner = lock(partnerId);
        return change(partner, partner.status, PartnerStatus.after(partner.status, PartnerStatus.Action.SUSPEND), reason, actor);
    }

    @Transactional
    public PartnerView reinstate(String partnerId, String reason, String actor) {
        Partner partner = lock(partnerId);
        return change(partner, partner.status, PartnerStatus.after(partner.status, PartnerStatus.Action.REINSTATE), reason, actor);
    }

    private PartnerView change(Partner partner, PartnerStatus from, PartnerStatus to, String reason, String actor) {
        partner.status = to;
        partner.updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        record(partner.id, from, to, reason, actor);
        String type = to == PartnerStatus.APPROVED ? CatalogEvents.PARTNER_APPROVED
                : to == PartnerStatus.SUSPENDED ? CatalogEvents.PARTNER_SUSPENDED : null;
        if (type != null) {
            outbox.record(CatalogEvents.PARTNERS_TOPIC, type, partner.id, null,
                    new CatalogEvents.PartnerStatusChanged(partner.id, to.name(), reason, partner.creditCode,
                            partner.legalRepresentative, partner.address, partner.contact));
        }
        return view(partner);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Partner lock(String partnerId) {
        Partner partner = Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
        if (partner == null) {
            throw ProblemException.notFound("Partner", partnerId);
        }
        return partner;
    }

    private static void record(String partnerId, PartnerStatus from, PartnerStatus to, String reason, String actor) {
        PartnerStatusChange c = new PartnerStatusChange();
        c.partnerId = partnerId;
        c.from = from;
        c.to = to;
        c.reason = reason;
        c.actor = actor;
        c.persist();
    }

    private PartnerView view(Partner p) {
        List<PartnerStatusChange> history = PartnerStatusChange.list("partnerId", Sort.by("id"), p.id);
        return PartnerView.of(p, history);
    }
}
