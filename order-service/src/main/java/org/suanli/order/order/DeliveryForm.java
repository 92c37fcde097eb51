package org.suanli.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The partner's report: metered GPU-hours (at most one decimal, not above ordered) and the invoice number. */
public record DeliveryForm(
        @NotBlank String gpuHoursUsed,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_-]*", message = "must be an invoice number (letters, digits, '-', '_', '/')") String invoiceNumber) {
}
