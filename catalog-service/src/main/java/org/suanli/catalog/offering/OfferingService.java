package org.suanli.catalog.offering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.suanli.catalog.partner.Accelerator;
import org.suanli.catalog.partner.Facility;
import org.suanli.catalog.partner.Partner;
import org.suanli.catalog.partner.PartnerStatus;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner's offerings: drafted, published, changed, withdrawn. A partner only ever touches its own;
 * every change to what is on the shelf leaves as an event.
 */
@ApplicationScoped
public class OfferingService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public OfferingView create(String partnerId, OfferingForm form) {
        Partner partner = Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.conflict("partner-not-approved",
                    "partner '" + partnerId + "' has not applied yet; apply (PUT /api/partners/me) and get approved first");
        }
        if (partner.status != PartnerStatus.APPROVED) {
            throw ProblemException.conflict("partner-not-approved",
                    "only an APPROVED partner can offer compute; partner '" + partnerId + "' is " + partner.status);
        }
        Facility facility = ownFacility(partnerId, form.facilityId());
        OfferingRules.Checked checked = OfferingRules.check(form, installed(facility));
        Offering o = new Offering();
        o.id = "off-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        o.partner = partner;
        o.status = OfferingStatus.DRAFT;
        apply(o, facility, form, checked);
        o.persist();
        return OfferingView.of(o);
    }

    @Transactional
    public OfferingView update(String partnerId, String offeringId, OfferingForm form) {
        Offering o = lockOwn(partnerId, offeringId);
        if (o.status == OfferingStatus.WITHDRAWN) {
            throw ProblemException.conflict("offering-withdrawn", "offering '" + offeringId + "' is withdrawn and cannot change");
        }
        Facility facility = ownFacility(partnerId, form.facilityId());
        OfferingRules.Checked checked = OfferingRules.check(form, installed(facility));
        if (o.status == OfferingStatus.PUBLISHED) {
            if (!facility.id.equals(o.facility.id) || form.category() != o.category
                    || !form.acceleratorModel().trim().equalsIgnoreCase(o.acceleratorModel)) {
                throw ProblemException.unprocessable("published-offering-fixed",
                        "facility, category and accelerator model of a published offering are fixed; withdraw it and publish a new one");
            }
            OfferingRules.checkCapacityCovers(checked.capacityTenths(), o.reservedTenths, o.consumedTenths);
            OfferingRules.checkPublishable(checked.validTo(), now());
        }
        apply(o, facility, form, checked);
        if (o.status == OfferingStatus.PUBLISHED) {
            announce(CatalogEvents.OFFERING_CHANGED, o);
        }
        return OfferingView.of(o);
    }

    @Transactional
    public OfferingView publish(String partnerId, String offeringId) {
        Offering o = lockOwn(partnerId, offeringId);
        if (o.status != OfferingStatus.DRAFT) {
            throw ProblemException.conflict("offering-status-conflict",
                    "only a DRAFT can be published; offering '" + offeringId + "' is " + o.status);
        }
        if (o.partner.status != PartnerStatus.APPROVED) {
            throw ProblemException.conflict("partner-not-approved",
                    "only an APPROVED partner can publish; partner '" + partnerId + "' is " + o.partner.status);
        }
        if (!o.facility.vetted()) {
            throw ProblemException.conflict("facility-not-vetted", "facility '" + o.facility.id + "' has not been vetted by the bureau yet");
        }
        OfferingRules.checkPublishable(o.validTo, now());
        o.status = OfferingStatus.PUBLISHED;
        o.publishedAt = now();
        o.updatedAt = o.publishedAt;
        announce(CatalogEvents.OFFERING_PUBLISHED, o);
        return OfferingView.of(o);
    }

    /** Off the shelf for good. Orders already placed keep their reservations; new ones are refused. */
    @Transactional
    public OfferingView withdraw(String partnerId, String offeringId) {
        Offering o = lockOwn(partnerId, offeringId);
        if (o.status == OfferingStatus.WITHDRAWN) {
            throw ProblemException.conflict("offering-status-conflict", "offering '" + offeringId + "' is already withdrawn");
        }
        boolean wasPublished = o.status == OfferingStatus.PUBLISHED;
        o.status = OfferingStatus.WITHDRAWN;
        o.withdrawnAt = now();
        o.updatedAt = o.withdrawnAt;
        if (wasPublished) {
            announce(CatalogEvents.OFFERING_WITHDRAWN, o);
        }
        return OfferingView.of(o);
    }

    @Transactional
    public List<OfferingView> own(String partnerId, OfferingStatus status) {
        String q = "from Offering o join fetch o.partner join fetch o.facility where o.partner.id = :p"
                + (status == null ? "" : " and o.status = :s") + " order by o.createdAt, o.id";
        var query = em.createQuery(q, Offering.class).setParameter("p", partnerId);
        if (status != null) {
            query.setParameter("s", status);
        }
        return query.getResultList().stream().map(OfferingView::of).toList();
    }

    @Transactional
    public Optional<OfferingView> find(String offeringId) {
        return em.createQuery("from Offering o join fetch o.partner join fetch o.facility where o.id = :id", Offering.class)
                .setParameter("id", offeringId).getResultStream().findFirst().map(OfferingView::of);
    }

    /** What the database keeps (microseconds), so a response reads the same as a later read. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private void announce(String type, Offering o) {
        outbox.record(Topics.CATALOG, type, o.id, null, new CatalogEvents.OfferingChanged(o.id, o.partner.id,
                o.status.name(), o.unitPriceFen, o.capacityTenths));
    }

    private static void apply(Offering o, Facility facility, OfferingForm form, OfferingRules.Checked checked) {
        o.facility = facility;
        // the model's name as the facility has it installed
        o.acceleratorModel = facility.installed(form.acceleratorModel().trim()).map(a -> a.model).orElseThrow();
        o.acceleratorsPerUnit = form.acceleratorsPerUnit();
        o.memoryGb = form.memoryGb();
        o.fp16Tflops = form.fp16Tflops();
        o.category = form.category();
        o.filingNumber = checked.filingNumber();
        o.unitPriceFen = checked.unitPriceFen();
        o.capacityTenths = checked.capacityTenths();
        o.validFrom = checked.validFrom();
        o.validTo = checked.validTo();
        o.updatedAt = now();
    }

    /** The same answer for an unknown facility and someone else's: nothing about others leaks. */
    private static Facility ownFacility(String partnerId, String facilityId) {
        Facility f = Facility.findById(facilityId);
        if (f == null || !f.partner.id.equals(partnerId)) {
            throw ProblemException.unprocessable("unknown-facility",
                    "facility '" + facilityId + "' is not one of your facilities");
        }
        return f;
    }

    private static Map<String, Integer> installed(Facility f) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Accelerator a : f.accelerators) {
            m.put(a.model, a.count);
        }
        return m;
    }

    /** Locks the row, so the capacity check below sees every reservation committed before it. */
    private Offering lockOwn(String partnerId, String offeringId) {
        Offering o = em.find(Offering.class, offeringId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null || !o.partner.id.equals(partnerId)) {
            throw ProblemException.notFound("Offering", offeringId);
        }
        return o;
    }
}
