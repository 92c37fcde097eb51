package org.suanli.catalog.offering;

import org.suanli.kernel.units.GpuHours;

import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The rules an offering obeys, in plain Java (unit-tested without Quarkus). */
public final class OfferingRules {

    private OfferingRules() {
    }

    /** The checked figures of a form. */
    public record Checked(long unitPriceFen, long capacityTenths, String filingNumber, Instant validFrom, Instant validTo) {
    }

    /**
     * Checks a form against the facility it names ({@code installed}: accelerator model → count, keys as
     * installed). Throws a problem (400 malformed figures, 422 a rule) and changes nothing.
     */
    public static Checked check(OfferingForm form, Map<String, Integer> installed) {
        long price;
        long capacity;
        try {
            price = Money.parsePositiveYuan(form.unitPrice());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unitPrice: " + e.getMessage());
        }
        try {
            capacity = GpuHours.parsePositive(form.capacity());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("capacity: " + e.getMessage());
        }
        // a validity window is kept to the second
        Instant from = form.validFrom().truncatedTo(ChronoUnit.SECONDS);
        Instant to = form.validTo().truncatedTo(ChronoUnit.SECONDS);
        if (!from.isBefore(to)) {
            throw ProblemException.unprocessable("window-invalid",
                    "the validity window must end after it starts (validFrom " + form.validFrom() + ", validTo " + form.validTo() + ")");
        }
        String filing = form.filingNumber() == null || form.filingNumber().isBlank() ? null : form.filingNumber().trim();
        if (form.category() == Category.MODEL_SERVICE && filing == null) {
            throw ProblemException.unprocessable("filing-number-required",
                    "a MODEL_SERVICE offering must give the model's generative-AI filing number (备案号) in filingNumber");
        }
        if (form.category() == Category.COMPUTE && filing != null) {
            throw ProblemException.unprocessable("filing-number-not-applicable",
                    "filingNumber applies only to MODEL_SERVICE offerings; leave it out for COMPUTE");
        }
        Integer count = installed.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(form.acceleratorModel().trim()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (count == null) {
            throw ProblemException.unprocessable("accelerator-not-installed", "accelerator model '" + form.acceleratorModel()
                    + "' is not installed in facility '" + form.facilityId() + "' (installed: " + String.join(", ", installed.keySet()) + ")");
        }
        if (form.acceleratorsPerUnit() > count) {
            throw ProblemException.unprocessable("accelerator-not-installed", "a unit of " + form.acceleratorsPerUnit() + " × "
                    + form.acceleratorModel() + " exceeds the " + count + " installed in facility '" + form.facilityId() + "'");
        }
        return new Checked(price, capacity, filing, from, to);
    }

    /** Only a window that has not yet ended can go on the shelf. */
    public static void checkPublishable(Instant validTo, Instant now) {
        if (!validTo.isAfter(now)) {
            throw ProblemException.unprocessable("window-ended", "the validity window ended at " + validTo + "; extend validTo first");
        }
    }

    /** A published offering cannot shrink below what orders already hold. */
    public static void checkCapacityCovers(long newCapacityTenths, long reservedTenths, long consumedTenths) {
        if (newCapacityTenths < reservedTenths + consumedTenths) {
            throw ProblemException.conflict("capacity-below-committed", "capacity " + GpuHours.format(newCapacityTenths)
                    + " GPU-hours is below what orders already hold (reserved " + GpuHours.format(reservedTenths)
                    + ", consumed " + GpuHours.format(consumedTenths) + ")");
        }
    }
}
