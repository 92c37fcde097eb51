package org.suanli.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What a buyer orders: GPU-hours of one offering ("12.5": more than zero, at most one decimal) in a window
 * (ISO-8601 date-times with an offset, "2026-11-23T09:00:00+08:00" or "…Z"; end after start; not in the
 * past), and how it asks for 智能券 (NONE when left out).
 */
public record OrderForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*", message = "must be an offering id") String offeringId,
        @NotBlank String gpuHours,
        @NotNull OffsetDateTime windowStart,
        @NotNull OffsetDateTime windowEnd,
        ZhinengMode zhinengMode) {

    public Instant start() {
        return windowStart.toInstant();
    }

    public Instant end() {
        return windowEnd.toInstant();
    }
}
