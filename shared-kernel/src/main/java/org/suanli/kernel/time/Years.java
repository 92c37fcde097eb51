package org.suanli.kernel.time;

/**
 * The one range of calendar years the marketplace accepts anywhere: program years of budgets, reconciliation
 * and settlement periods, and the dates inside request bodies (contract dates, validity windows, order windows).
 * Outside it a figure is a typing mistake (year 0, 9999), not a contract.
 */
public final class Years {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private Years() {
    }

    public static boolean plausible(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** The words every refusal of a year uses. */
    public static String outOfRange(int year) {
        return "year " + year + " is outside the years the marketplace accepts (" + FIRST + " to " + LAST + ")";
    }
}
