package org.suanli.voucher.fraud;

import java.util.Locale;

/**
 * What the business registry says of a buyer or a seller: the particulars two companies rarely share
 * unless they are one group.
 */
public record Party(String creditCode, String legalRepresentative, String address, String contact) {

    /** Compared without case and spacing: "杭州市西湖区 文三路 1 号" and "杭州市西湖区文三路1号" are one address. */
    static String normalised(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
