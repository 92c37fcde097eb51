package org.suanli.catalog.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A facility as the partner declares it. {@code id} is optional (a stable slug the partner chooses, e.g.
 * "fac-yuhang-1"); without one the catalog assigns it. The district is one of Hangzhou's.
 */
public record FacilityForm(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be 2-64 lowercase letters, digits or dashes") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String district,
        @NotNull @DecimalMin("1.00") @DecimalMax("3.00") @Digits(integer = 1, fraction = 2) BigDecimal pue,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull AcceleratorForm> accelerators) {

    public record AcceleratorForm(
            @NotBlank @Size(max = 100) String model,
            @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Max(1_000_000) Integer count) {
    }
}
