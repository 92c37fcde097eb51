package org.suanli.settlement.ledger;

/** The ledger's account names: who owes whom, in the words finance uses. */
public final class Accounts {

    public static final String SUANLI = "SUANLI";
    public static final String ZHINENG = "ZHINENG";

    /** The treasury's bank account, from which batches are paid. */
    public static final String TREASURY = "bank:treasury";

    private Accounts() {
    }

    /** What a buyer owes the partner for its part of the contract (a receivable). */
    public static String buyer(String buyerId) {
        return "buyer:" + requireId(buyerId, "buyer");
    }

    /** What the marketplace owes the partner (a payable, settled monthly by batch). */
    public static String partner(String partnerId) {
        return "partner:" + requireId(partnerId, "partner");
    }

    /** A voucher program's budget year, which pays the partner the voucher part. */
    public static String program(String program, int year) {
        if (!SUANLI.equals(program) && !ZHINENG.equals(program)) {
            throw new IllegalArgumentException("unknown voucher program '" + program + "'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("program year " + year + " is not a four-digit year");
        }
        return "program:" + program + ":" + year;
    }

    private static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " id is missing");
        }
        return id;
    }
}
