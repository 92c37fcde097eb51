package org.suanli.catalog.partner;

import org.suanli.kernel.units.CreditCodes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A compute centre's application to become a 市级算力伙伴 (or a corrected one while still pending or after a rejection). */
public record ApplicationForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = CreditCodes.PATTERN, message = CreditCodes.MESSAGE) String creditCode,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull FacilityForm> facilities,
        /* 法定代表人, the registered address and a contact (phone or e-mail), optional: compared with buyers' to
           find related parties nobody recorded (voucher-service's fraud signals). */
        @Size(max = 100) String legalRepresentative,
        @Size(max = 300) String address,
        @Size(max = 100) String contact) {

    /** The application without particulars. */
    public ApplicationForm(String name, String creditCode, List<FacilityForm> facilities) {
        this(name, creditCode, facilities, null, null, null);
    }
}
