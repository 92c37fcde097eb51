package org.suanli.voucher.buyer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.suanli.voucher.policy.BuyerType;

import java.util.List;

/** What an admin submits to register or change a buyer; every change says why. */
public record BuyerForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = CreditCodes.PATTERN, message = "must be an 18-character unified social credit code") String creditCode,
        @NotNull BuyerType type,
        @NotNull Boolean sme,
        Boolean foundationModel,
        /* yuan, e.g. "20000000.00"; only for a foundation-model enterprise */
        String capOverride,
        List<@Pattern(regexp = CreditCodes.PATTERN, message = "must be an 18-character unified social credit code") String> relatedPartyCreditCodes,
        @NotBlank @Size(max = 500) String reason) {
}
