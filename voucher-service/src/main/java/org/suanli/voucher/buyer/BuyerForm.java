package org.suanli.voucher.buyer;

import org.suanli.kernel.json.FreeText;
import org.suanli.kernel.units.CreditCodes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.suanli.voucher.policy.BuyerType;

import java.util.List;

/** What an admin submits to register or change a buyer; every change says why. */
public record BuyerForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = CreditCodes.PATTERN, message = CreditCodes.MESSAGE) String creditCode,
        @NotNull BuyerType type,
        @NotNull Boolean sme,
        Boolean foundationModel,
        /* yuan, e.g. "20000000.00"; only for a foundation-model enterprise */
        String capOverride,
        List<@Pattern(regexp = CreditCodes.PATTERN, message = CreditCodes.MESSAGE) String> relatedPartyCreditCodes,
        /* optional, as the business registry has them: compared with the seller's (fraud signal SHARED_PARTICULARS) */
        @Size(max = 100) String legalRepresentative,
        @Size(max = 300) String address,
        @Size(max = 100) String contact,
        @FreeText @NotBlank @Size(max = 500) String reason) {
}
