package org.suanli.catalog.offering;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An offering as a partner writes it. {@code unitPrice} is yuan per GPU-hour ("12.50", at most
 * {@link OfferingRules#MAX_UNIT_PRICE_FEN}); {@code capacity} GPU-hours with at most one decimal ("20000.0", at most
 * {@link OfferingRules#MAX_CAPACITY_TENTHS} tenths); {@code memoryGb} is per accelerator.
 */
public record OfferingForm(
        @NotBlank String facilityId,
        @NotBlank @Size(max = 100) String acceleratorModel,
        @NotNull @Positive @Max(1024) Integer acceleratorsPerUnit,
        @NotNull @Positive @Max(4096) Integer memoryGb,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 1) BigDecimal fp16Tflops,
        @NotNull Category category,
        @Size(max = 100) String filingNumber,
        @NotNull String unitPrice,
        @NotNull String capacity,
        @NotNull Instant validFrom,
        @NotNull Instant validTo) {
}
