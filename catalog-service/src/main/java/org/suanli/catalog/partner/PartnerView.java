package org.suanli.catalog.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A partner as the API shows it to the bureau and to the partner itself. */
public record PartnerView(String id, String name, String creditCode, String legalRepresentative, String address,
                          String contact, PartnerStatus status, Instant appliedAt,
                          Instant updatedAt, List<FacilityView> facilities, List<StatusChangeView> history) {

    public record FacilityView(String id, String name, String district, BigDecimal declaredPue, FacilityType type,
                               VettingView vetting, List<AcceleratorView> accelerators) {
        static FacilityView of(Facility f) {
            VettingView vetting = f.vettedAt == null ? null : new VettingView(f.checkedPue,
                    Boolean.TRUE.equals(f.secureControllable), Boolean.TRUE.equals(f.pricingReasonable),
                    f.vettingNote, f.vettedBy, f.vettedAt);
            return new FacilityView(f.id, f.name, f.district, f.declaredPue, f.type, vetting,
                    f.accelerators.stream().sorted(Comparator.comparing(a -> a.model))
                            .map(a -> new AcceleratorView(a.model, a.count)).toList());
        }
    }

    public record VettingView(BigDecimal checkedPue, boolean secureAndControllable, boolean pricingReasonable,
                              String note, String vettedBy, Instant vettedAt) {
    }

    public record AcceleratorView(String model, int count) {
    }

    public record StatusChangeView(PartnerStatus from, PartnerStatus to, String reason, String actor, Instant at) {
        static StatusChangeView of(PartnerStatusChange c) {
            return new StatusChangeView(c.from, c.to, c.reason, c.actor, c.at);
        }
    }

    static PartnerView of(Partner p, List<PartnerStatusChange> history) {
        return new PartnerView(p.id, p.name, p.creditCode, p.legalRepresentative, p.address, p.contact, p.status,
                p.appliedAt, p.updatedAt,
                p.facilities.stream().map(FacilityView::of).toList(),
                history.stream().map(StatusChangeView::of).toList());
    }
}
