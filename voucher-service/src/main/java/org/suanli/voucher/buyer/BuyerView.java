package org.suanli.voucher.buyer;

import org.suanli.kernel.money.Money;
import org.suanli.voucher.policy.BuyerType;

import java.util.List;

/** A buyer as the API shows it (money as yuan strings). */
public record BuyerView(String id, String name, String creditCode, BuyerType type, boolean sme,
                        boolean foundationModel, String capOverride, List<String> relatedPartyCreditCodes,
                        String legalRepresentative, String address, String contact) {

    static BuyerView of(Buyer b) {
        return new BuyerView(b.id, b.name, b.creditCode, b.type, b.sme, b.foundationModel,
                b.capOverrideFen == null ? null : Money.format(b.capOverrideFen),
                b.relatedPartyCreditCodes.stream().sorted().toList(), b.legalRepresentative, b.address, b.contact);
    }
}
