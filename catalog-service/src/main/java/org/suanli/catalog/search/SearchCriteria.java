package org.suanli.catalog.search;

import org.suanli.kernel.units.GpuHours;

import org.suanli.catalog.offering.Category;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;

/**
 * The buyer's filters, checked: null means "any". Page, size and minMemoryGb arrive already checked and defaulted
 * by the resource's {@code Params.integer} (0 or more; 1 to {@link #MAX_SIZE}; not negative).
 */
public record SearchCriteria(String acceleratorModel, Integer minMemoryGb, Category category, String district,
                             Long maxPriceFen, Long minCapacityLeftTenths, int page, int size, Sort sort,
                             long quoteHoursTenths, String zhinengMode) {

    public enum Sort { PRICE, NET }

    public static final int MAX_SIZE = 100;

    public static SearchCriteria parse(String acceleratorModel, Integer minMemoryGb, Category category, String district,
                                       String maxPrice, String minCapacityLeft, int page, int size, String sort,
                                       String hours, String zhinengMode) {
        Sort s = switch (sort == null ? "price" : sort) {
            case "price" -> Sort.PRICE;
            case "net" -> Sort.NET;
            default -> throw ProblemException.badRequest("sort must be 'price' (list price) or 'net' (your price after vouchers)");
        };
        Long maxFen = null;
        if (maxPrice != null) {
            try {
                maxFen = Money.parseYuan(maxPrice);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("maxPrice: " + e.getMessage());
            }
        }
        Long minLeft = null;
        if (minCapacityLeft != null) {
            try {
                minLeft = GpuHours.parse(minCapacityLeft);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("minCapacityLeft: " + e.getMessage());
            }
        }
        long hoursTenths;
        try {
            hoursTenths = GpuHours.parsePositive(hours == null ? "1" : hours);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("hours: " + e.getMessage());
        }
        if (zhinengMode != null && !zhinengMode.matches("NONE|EXEMPT_MATCHING|SEPARATE_APPLICATION")) {
            throw ProblemException.badRequest("zhinengMode must be NONE, EXEMPT_MATCHING or SEPARATE_APPLICATION");
        }
        return new SearchCriteria(blankToNull(acceleratorModel), minMemoryGb, category, blankToNull(district), maxFen,
                minLeft, page, size, s, hoursTenths, zhinengMode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
