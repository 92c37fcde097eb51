package org.suanli.catalog.offering;

import java.util.regex.Pattern;

/** GPU-hours: a decimal with at most one place in JSON ("12.5"), {@code long} tenths inside. */
public final class GpuHours {

    private static final Pattern HOURS = Pattern.compile("(0|[1-9]\\d{0,11})(\\.\\d)?");

    private GpuHours() {
    }

    /** "12.5" → 125. Throws {@link IllegalArgumentException} (→ 400) on anything else. */
    public static long parse(String hours) {
        if (hours == null || hours.isBlank()) {
            throw new IllegalArgumentException("GPU-hours figure is missing");
        }
        String s = hours.trim();
        if (!HOURS.matcher(s).matches()) {
            throw new IllegalArgumentException("GPU-hours '" + hours
                    + "' must be a non-negative figure with at most one decimal place, e.g. \"1200.5\"");
        }
        int dot = s.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long tenth = dot < 0 ? 0 : s.charAt(dot + 1) - '0';
        return whole * 10 + tenth;
    }

    public static long parsePositive(String hours) {
        long tenths = parse(hours);
        if (tenths == 0) {
            throw new IllegalArgumentException("GPU-hours must be greater than zero");
        }
        return tenths;
    }

    /** 125 → "12.5"; 1000 → "100.0". */
    public static String format(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + (abs / 10) + "." + (abs % 10);
    }
}
