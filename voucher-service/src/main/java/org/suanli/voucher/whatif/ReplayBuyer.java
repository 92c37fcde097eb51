package org.suanli.voucher.whatif;

import org.suanli.voucher.policy.BuyerType;

/** What the registry says of a buyer, as a replay decides with it (the registry as it stands today). */
public record ReplayBuyer(BuyerType type, boolean sme, boolean foundationModel, Long capOverrideFen) {
}
