package org.suanli.settlement.batch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Finance records that a batch was paid, with the bank transfer's reference (unique across batches) and,
 * optionally, the transferred amount (yuan string), which must be the batch's total: one transfer pays one batch
 * whole, never more than it owes.
 */
public record PaymentForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{3,63}",
                message = "must be 4-64 letters, digits or . _ / - (the bank transfer's reference)") String paymentReference,
        String amount) {
}
