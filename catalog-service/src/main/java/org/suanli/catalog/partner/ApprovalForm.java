package org.suanli.catalog.partner;

import org.suanli.kernel.json.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bureau approves a partner: why, and for every facility its type and the vetting facts
 * (PUE as measured, 技术安全可控, 价格优惠合理).
 */
public record ApprovalForm(
        @FreeText @NotBlank @Size(max = 500) String reason,
        @NotEmpty List<@Valid @NotNull FacilityVetting> facilities) {

    public record FacilityVetting(
            @NotBlank String facilityId,
            @NotNull FacilityType type,
            @NotNull @DecimalMin("1.00") @DecimalMax("3.00") @Digits(integer = 1, fraction = 2) BigDecimal checkedPue,
            @NotNull Boolean secureAndControllable,
            @NotNull Boolean pricingReasonable,
            @FreeText @Size(max = 500) String note) {
    }
}
