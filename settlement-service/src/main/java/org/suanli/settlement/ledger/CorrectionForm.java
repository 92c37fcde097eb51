package org.suanli.settlement.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an order should have moved, as finance has established it (yuan strings), and why: the order's figures
 * after the correction, not differences. The ledger posts the difference to its current figures as a new entry.
 * The figures must not be negative and must add up to the order's contract amount ({@link CorrectionRules}).
 */
public record CorrectionForm(@NotNull String buyerPays, @NotNull String suanli, @NotNull String zhineng,
                             @org.suanli.kernel.json.FreeText @NotBlank @Size(max = 500) String reason) {
}
