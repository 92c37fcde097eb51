package org.suanli.catalog.partner;

import org.suanli.kernel.json.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Every vetting decision says why. */
public record ReasonForm(@FreeText @NotBlank @Size(max = 500) String reason) {
}
