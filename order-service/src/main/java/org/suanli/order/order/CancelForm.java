package org.suanli.order.order;

import jakarta.validation.constraints.Size;

/** Optional note of a buyer cancelling its order. */
public record CancelForm(@org.suanli.kernel.json.FreeText @Size(max = 500) String reason) {
}
