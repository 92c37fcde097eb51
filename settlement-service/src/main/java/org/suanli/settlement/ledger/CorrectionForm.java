package org.suanli.settlement.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an order should have moved, as finance has established it (yuan strings), and why. The ledger posts
 * the difference to its current figures as a new entry.
 */
public record CorrectionForm(@NotNull String buyerPays, @NotNull String suanli, @NotNull String zhineng,
                             @NotBlank @Size(max = 500) String reason) {
}
