package org.suanli.catalog.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Every vetting decision says why. */
public record ReasonForm(@NotBlank @Size(max = 500) String reason) {
}
