package org.suanli.catalog.offering;

import org.suanli.kernel.units.GpuHours;

import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules an offering obeys, in plain Java (unit-tested without Quarkus). */
public final class OfferingRules {

    /**
     * The most an offering may ask per GPU-hour (what {@code unitPrice} means, whatever the unit's accelerator
     * count): 10,000.00 CNY. Compute centres charge about 1–100 CNY per GPU-hour; anything above this is a typo.
     */
    public static final long MAX_UNIT_PRICE_FEN = 1_000_000L;

    /** The most GPU-hours one offering may put on the shelf for its validity window: 10,000,000.0. */
    public static final long MAX_CAPACITY_TENTHS = 100_000_000L;

    /** An unsigned decimal, well-formed or not in its decimals: enough to tell "too large" from "malformed". */
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

    private OfferingRules() {
    }

    /** The checked figures of a form. */
    public record Checked(long unitPriceFen, long capacityTenths, String filingNumber, Instant validFrom, Instant validTo) {
    }

    /**
     * Checks a form against the facility it names ({@code installed}: accelerator model → count, keys as
     * installed). Throws a problem (400 malformed or implausible figures, 422 a rule) and changes nothing.
     */
    public static Checked check(OfferingForm form, Map<String, Integer> installed) {
        long price = unitPriceFen(form.unitPrice());
        long capacity = capacityTenths(form.capacity());
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

    /** Yuan per GPU-hour in fen: positive, at most two decimals, at most {@link #MAX_UNIT_PRICE_FEN} (400 otherwise). */
    static long unitPriceFen(String unitPrice) {
        if (exceeds(unitPrice, BigDecimal.valueOf(MAX_UNIT_PRICE_FEN, 2))) {
            throw unitPriceTooHigh(unitPrice);
        }
        try {
            return Money.parsePositiveYuan(unitPrice);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unitPrice: " + e.getMessage());
        }
    }

    /** GPU-hours in tenths: positive, at most one decimal, at most {@link #MAX_CAPACITY_TENTHS} (400 otherwise). */
    static long capacityTenths(String capacity) {
        if (exceeds(capacity, BigDecimal.valueOf(MAX_CAPACITY_TENTHS, 1))) {
            throw capacityTooLarge(capacity);
        }
        try {
            return GpuHours.parsePositive(capacity);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("capacity: " + e.getMessage());
        }
    }

    /**
     * True for an unsigned decimal above {@code max}, however many digits or decimals it has: every figure the
     * parsers accept has this shape, so checking it first is the only ceiling check needed.
     */
    private static boolean exceeds(String figure, BigDecimal max) {
        if (figure == null) {
            return false;
        }
        String s = figure.trim();
        return UNSIGNED_DECIMAL.matcher(s).matches() && new BigDecimal(s).compareTo(max) > 0;
    }

    private static ProblemException unitPriceTooHigh(String unitPrice) {
        return ProblemException.badRequest("unitPrice: '" + unitPrice + "' CNY per GPU-hour is beyond any plausible price (at most "
                + Money.format(MAX_UNIT_PRICE_FEN) + " CNY per GPU-hour)");
    }

    private static ProblemException capacityTooLarge(String capacity) {
        return ProblemException.badRequest("capacity: '" + capacity + "' GPU-hours is beyond any plausible offering (at most "
                + GpuHours.format(MAX_CAPACITY_TENTHS) + " GPU-hours per offering window)");
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
