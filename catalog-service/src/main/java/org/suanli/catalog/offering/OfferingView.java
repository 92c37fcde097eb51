package org.suanli.catalog.offering;

import org.suanli.kernel.units.GpuHours;

import org.suanli.catalog.partner.Facility;
import org.suanli.catalog.partner.FacilityType;
import org.suanli.catalog.partner.Partner;
import org.suanli.catalog.partner.PartnerStatus;
import org.suanli.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An offering with everything an order needs to be placed on it (partner, facility, category, price,
 * capacity). Money as yuan strings, GPU-hours as decimal strings, times as ISO instants.
 */
public record OfferingView(String id, String partnerId, String partnerName, String partnerCreditCode,
                           PartnerStatus partnerStatus, String facilityId, String facilityName, String district,
                           FacilityType facilityType, Category category, String filingNumber,
                           String acceleratorModel, int acceleratorsPerUnit, int memoryGb, BigDecimal fp16Tflops,
                           String unitPrice, String capacity, String capacityReserved, String capacityConsumed,
                           String capacityLeft, Instant validFrom, Instant validTo, OfferingStatus status,
                           Instant publishedAt, Instant updatedAt) {

    public static OfferingView of(Offering o) {
        Partner p = o.partner;
        Facility f = o.facility;
        return new OfferingView(o.id, p.id, p.name, p.creditCode, p.status, f.id, f.name, f.district, f.type,
                o.category, o.filingNumber, o.acceleratorModel, o.acceleratorsPerUnit, o.memoryGb, o.fp16Tflops,
                Money.format(o.unitPriceFen), GpuHours.format(o.capacityTenths), GpuHours.format(o.reservedTenths),
                GpuHours.format(o.consumedTenths), GpuHours.format(o.leftTenths()), o.validFrom, o.validTo,
                o.status, o.publishedAt, o.updatedAt);
    }
}
