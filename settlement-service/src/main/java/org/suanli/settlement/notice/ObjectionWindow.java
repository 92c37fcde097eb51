package org.suanli.settlement.notice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When the objection window of a notice line closes: at the end (24:00, Asia/Shanghai) of the N-th working day
 * after the day of publication. Working days are Monday to Friday; public holidays and the make-up working
 * weekends (调休) are not modelled, so over a holiday the window is shorter than the calendar's working days.
 * Plain Java.
 */
public final class ObjectionWindow {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ObjectionWindow() {
    }

    /** The last day on which an objection is taken. */
    public static LocalDate lastDay(LocalDate published, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("an objection window lasts at least one working day, not " + workingDays);
        }
        LocalDate day = published;
        for (int left = workingDays; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    public static Instant closesAt(Instant publishedAt, int workingDays) {
        LocalDate published = publishedAt.atZone(SHANGHAI).toLocalDate();
        return lastDay(published, workingDays).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
